package io.stagger.harness.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A process and its descendants: killed together, and stopped or continued together with POSIX signals. A node runs
 * in a session of its own (setsid, where the platform has it), so that a child it forked and left behind — no longer
 * its descendant once the node exits — is still killed with it, by process group.
 */
final class ProcessTree {
    private static final String SETSID = "/usr/bin/setsid";

    private ProcessTree() {}

    /** The command, run as the leader of a new session and process group where setsid exists. */
    static List<String> inOwnSession(List<String> command) {
        // A binary that cannot run is left to ProcessBuilder, whose error names it ("could not start ...").
        if (!new java.io.File(SETSID).canExecute() || command.isEmpty() || !runnable(command.get(0))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(SETSID));
        wrapped.addAll(command);
        return wrapped;
    }

    private static boolean runnable(String program) {
        if (program.contains("/")) {
            return new java.io.File(program).canExecute();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (new java.io.File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    static void destroy(ProcessHandle root) {
        List<ProcessHandle> all = members(root);
        for (ProcessHandle handle : all) {
            handle.destroyForcibly();
        }
        killGroup(root.pid());
    }

    /** SIGKILL to the process group led by {@code leader}: its orphans too. Harmless where there is no such group. */
    private static void killGroup(long leader) {
        if (!new java.io.File(SETSID).canExecute()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + leader).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor();
        } catch (IOException e) {
            // no kill command: the descendants were killed above, which is all that can be done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal (STOP or CONT) to every member; false when the platform has no kill command. */
    static boolean signal(ProcessHandle root, String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        for (ProcessHandle handle : members(root)) {
            command.add(Long.toString(handle.pid()));
        }
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<ProcessHandle> members(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        root.descendants().forEach(all::add);
        all.add(0, root);
        return all;
    }
}
