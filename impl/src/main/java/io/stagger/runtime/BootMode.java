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
     * The key of this process's parent (the harness): {@link #processKey}. Looking it up is a few milliseconds of a
     * start (the JDK's process machinery); the node does it on a thread of its own while the JVM starts up.
     */
    static String parentKey() {
        java.util.Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        return parent.isPresent() ? processKey(parent.get()) : "0-0";
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

    /** A process's pid and start time (ms since the epoch; 0 if unknown): together they name it for good. */
    static String processKey(ProcessHandle process) {
        java.util.Optional<java.time.Instant> start = process.info().startInstant();
        long started = start.isPresent() ? start.get().toEpochMilli() : 0;
        return process.pid() + "-" + started;
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
                boolean alive = ProcessHandle.of(Long.parseLong(parts[0]))
                        .map(p -> processKey(p).equals(key)).orElse(false);
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
