package io.stagger.harness.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `bin/stagger serve`: the runs of a store and the model checker's reports in the browser, read-only. */
@Command(name = "stagger serve", mixinStandardHelpOptions = true, sortOptions = false, version = "stagger serve 0.1.0",
        description = {
                "Serves a read-only web UI over the harness's store (every run: verdict, plots, messages, timeline, roles, "
                        + "node logs) and the model checker's reports and trace validations.",
                "Binds to 127.0.0.1 unless told otherwise, and serves only files under the store and report directories."},
        footer = {"", "Example: bin/stagger serve --store store --port 8080, then open http://127.0.0.1:8080/"})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "store",
            description = "The harness's store: DIR/<workload>/<time>/ (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--reports", paramLabel = "DIR",
            description = "A directory of bin/stagger check reports and trace validations; repeatable (default: "
                    + "model-check/target/stagger-check of the repository, if it exists).")
    List<String> reports = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The address to bind to; 0.0.0.0 opens it to the network (default: ${DEFAULT-VALUE}).")
    String host;

    private final PrintStream out;

    public ServeCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        int code = execute(System.out, args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns its exit code (the server itself runs until the process is stopped). */
    public static int execute(PrintStream out, String... args) {
        return io.stagger.harness.CommandLines.execute("serve", new ServeCommand(out), args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path storeDirectory = Paths.get(store).toAbsolutePath().normalize();
        if (!Files.isDirectory(storeDirectory)) {
            System.err.println("stagger serve: the store " + storeDirectory + " is not a directory (bin/stagger test "
                    + "creates it with its first run)");
            return 2;
        }
        List<Path> reportDirectories = new ArrayList<>();
        for (String report : reports) {
            Path directory = Paths.get(report).toAbsolutePath().normalize();
            if (!Files.isDirectory(directory)) {
                System.err.println("stagger serve: the report directory " + directory + " is not a directory");
                return 2;
            }
            reportDirectories.add(directory);
        }
        if (reports.isEmpty()) {
            Path root = Paths.get(System.getProperty("stagger.root", "."));
            Path checks = root.resolve("model-check/target/stagger-check").toAbsolutePath().normalize();
            if (Files.isDirectory(checks)) {
                reportDirectories.add(checks);
            }
        }
        if (port < 0 || port > 65535) {
            System.err.println("stagger serve: --port must be 0 to 65535");
            return 2;
        }
        StoreServer server;
        try {
            server = new StoreServer(storeDirectory, reportDirectories, host, port);
        } catch (IOException e) {
            System.err.println("stagger serve: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            return 2;
        }
        server.start();
        out.println("Serving the runs of " + storeDirectory + (reportDirectories.isEmpty() ? ""
                : " and the reports of " + reportDirectories) + " at http://" + (host.contains(":") ? "[" + host + "]"
                : host) + ":" + server.port() + "/ (Ctrl-C stops it)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
