package io.stagger.harness;

import picocli.CommandLine;

/** The subcommands' picocli set-up: an error in the options or in the run is one stderr line naming it, exit 2. */
public final class CommandLines {
    private CommandLines() {}

    /** Runs command (a picocli command object) on args as `stagger NAME`; returns its exit code. */
    public static int execute(String name, Object command, String... args) {
        return execute(name, command, System.err, args);
    }

    /** As {@link #execute(String, Object, String...)}, with the errors and usage on err. */
    public static int execute(String name, Object command, java.io.PrintStream err, String... args) {
        return commandLine(name, command, err).execute(args);
    }

    /** Picocli's command line over command (a picocli command object) as `stagger NAME`, errors on err. */
    static CommandLine commandLine(String name, Object command, java.io.PrintStream err) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.registerConverter(java.nio.file.Path.class, java.nio.file.Paths::get);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> failed(name, e, cl.getErr()));
        commandLine.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("stagger " + name + ": " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return RunOutcome.ERROR;
        });
        return commandLine;
    }

    /** Runs command (its options already set) as `stagger NAME`, with an error as picocli's run reports it. */
    public static int call(String name, java.util.concurrent.Callable<Integer> command, java.io.PrintStream err) {
        try {
            return command.call();
        } catch (Exception e) {
            return failed(name, e, new java.io.PrintWriter(err, true));
        }
    }

    private static int failed(String name, Exception e, java.io.PrintWriter err) {
        err.println("stagger " + name + ": " + e.getMessage());
        return RunOutcome.ERROR;
    }
}
