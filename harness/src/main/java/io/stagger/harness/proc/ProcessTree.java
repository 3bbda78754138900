package io.stagger.harness.proc;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A process and its descendants: killed together, and stopped or continued together with POSIX signals. */
final class ProcessTree {
  private ProcessTree() {}

  static void destroy(ProcessHandle root) {
    List<ProcessHandle> all = members(root);
    for (ProcessHandle handle : all) {
      handle.destroyForcibly();
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
