package io.stagger.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a node that receives {@code init} forms the initial group (rule 8, Start) or comes back after a crash
 * (rule 9, Restart). A Maelstrom-style harness restarts a killed node by running the same binary again and sending
 * {@code init} again, so {@code auto} tells the two apart by a marker file keyed by the harness process (the node's
 * parent: its pid and start time, since pids are reused) and the node id: the first boot under a harness process
 * creates it, every later one finds it. Markers of harness processes that are gone are removed after {@code init}
 * is answered ({@link #removeMarkersOfGoneProcesses}).
 */
public enum BootMode {
    /** Start if this is the first boot of this node id under this parent process, else Restart. */
    AUTO,
    /** Always rule 8. */
    START,
    /** Always rule 9. */
    RESTART;

    /** Whether this boot of {@code nodeId} is a restart; records the boot for {@code auto}. */
    boolean isRestart(String nodeId, Path markerDir) {
        return isRestart(nodeId, markerDir, this == AUTO ? parentKey() : null);
    }

    /** As {@link #isRestart(String, Path)}, with the {@link #parentKey()} looked up beforehand (for auto). */
    boolean isRestart(String nodeId, Path markerDir, String parentKey) {
        return switch (this) {
            case START -> false;
            case RESTART -> true;
            case AUTO -> !markFirstBoot(nodeId, markerDir, parentKey);
        };
    }

    /**
     * The key of this process's parent (the harness): {@link #processKey}. The node looks it up on a thread of its
     * own while the JVM starts up.
     */
    static String parentKey() {
        long[] self = procStat("self");
        long parentPid;
        if (self != null) {
            parentPid = self[PROC_PPID];
        } else {
            java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
            if (parent.isEmpty()) {
                return "0-0";
            }
            parentPid = parent.get().pid();
        }
        String key = processKey(parentPid);
        return key == null ? parentPid + "-0" : key;
    }

    /** The directory for the boot markers: under the system's temporary directory. */
    static Path defaultMarkerDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "stagger-node-boots");
    }

    private static boolean markFirstBoot(String nodeId, Path markerDir, String parent) {
        StringBuilder safeId = new StringBuilder(nodeId.length());
        for (int i = 0; i < nodeId.length(); i++) {
            char c = nodeId.charAt(i);
            boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '-';
            safeId.append(safe ? c : '_');
        }
        Path marker = markerDir.resolve(parent + "-" + safeId);
        try {
            Files.createDirectories(markerDir);
            Files.createFile(marker);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            return true; // cannot record boots: treat every boot as a start, as a harness without restarts expects
        }
    }

    /**
     * A process's pid and start time, which together name it for good (pids are reused); null if no such process
     * runs. On Linux the start is in clock ticks since boot, read from {@code /proc} (the JDK's process API would load
     * and link its classes and two lambdas: milliseconds of a start); elsewhere in ms since the epoch, from
     * {@link ProcessHandle} (0 if unknown).
     */
    static String processKey(long pid) {
        long[] stat = procStat(Long.toString(pid));
        if (stat != null) {
            return pid + "-" + stat[PROC_START_TIME];
        }
        if (procStat("self") != null) {
            return null; // /proc tells, and has no such process
        }
        java.util.Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty()) {
            return null;
        }
        java.util.Optional<java.time.Instant> start = process.get().info().startInstant();
        return pid + "-" + (start.isPresent() ? start.get().toEpochMilli() : 0);
    }

    private static final int PROC_PPID = 0;
    private static final int PROC_START_TIME = 1;

    /**
     * From {@code /proc/PID/stat}: the parent's pid and the start time (fields 4 and 22); null where there is no such
     * file (not Linux, or no such process) or it does not read as one.
     */
    private static long[] procStat(String pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", pid, "stat"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so the fields after the last ')'
        int commEnd = stat.lastIndexOf(')');
        if (commEnd < 0 || commEnd + 2 > stat.length()) {
            return null;
        }
        String[] fields = stat.substring(commEnd + 2).split(" ");
        try {
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[19])};
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Deletes the markers in {@code markerDir} whose harness process (pid and start time) no longer runs; best
     * effort. Not needed to answer {@code init} (keys carry start times, so a stale marker never makes a restart):
     * the node runs it once {@code init_ok} is out.
     */
    static void removeMarkersOfGoneProcesses(Path markerDir) {
        try (java.nio.file.DirectoryStream<Path> markers = Files.newDirectoryStream(markerDir)) {
            for (Path marker : markers) {
                String[] parts = marker.getFileName().toString().split("-", 3);
                if (parts.length < 3 || !isDigits(parts[0]) || !isDigits(parts[1])) {
                    continue;
                }
                String key = parts[0] + "-" + parts[1];
                boolean alive = key.equals(processKey(Long.parseLong(parts[0])));
                if (!alive) {
                    try {
                        Files.deleteIfExists(marker);
                    } catch (IOException e) {
                        // another node removed it first, or the directory is not ours to clean: leave it
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is an optimisation; a marker left behind is harmless now that keys carry start times
        }
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
