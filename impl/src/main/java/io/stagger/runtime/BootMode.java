package io.stagger.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a node that receives {@code init} forms the initial group (rule 8, Start) or comes back after a crash
 * (rule 9, Restart). A Maelstrom-style harness restarts a killed node by running the same binary again and sending
 * {@code init} again, so {@code auto} tells the two apart by a marker file keyed by the harness's process id (the
 * node's parent) and the node id: the first boot under a harness process creates it, every later one finds it.
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
        return switch (this) {
            case START -> false;
            case RESTART -> true;
            case AUTO -> !markFirstBoot(nodeId, markerDir);
        };
    }

    /** The directory for the boot markers: under the system's temporary directory. */
    static Path defaultMarkerDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "stagger-node-boots");
    }

    private static boolean markFirstBoot(String nodeId, Path markerDir) {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
        String safeId = nodeId.replaceAll("[^A-Za-z0-9_-]", "_");
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
}
