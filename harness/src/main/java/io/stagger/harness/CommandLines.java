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
        CommandLine commandLine = new CommandLine(command);
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.registerConverter(java.nio.file.Path.class, java.nio.file.Paths::get);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("stagger " + name + ": " + e.getMessage());
            return RunOutcome.ERROR;
        });
        commandLine.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("stagger " + name + ": " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return RunOutcome.ERROR;
        });
        return commandLine.execute(args);
    }
}
