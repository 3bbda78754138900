package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.stagger.harness.report.RoleChart;
import io.stagger.harness.report.Timeline;
import io.stagger.history.HistoryFile;
import io.stagger.history.Json;
import io.stagger.history.Op;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The read-only web server of {@code bin/stagger serve} on the JDK's own HTTP server. Addresses:
 * {@code /} the runs; {@code /run/<workload>/<time>/} a run, with {@code timeline.html}, {@code roles.svg} and
 * {@code trace} under it; {@code /store/<path>} a file of the store; {@code /checks} the model checker's reports and
 * trace validations, {@code /check/<root>/<path>} one of them and {@code /check-file/<root>/<path>} its files;
 * {@code /api/runs} and {@code /api/run/<workload>/<time>} the verdicts the pages poll. Only GET and HEAD; every
 * file goes through {@link SafeFiles}, and anything it refuses, or anything unknown, is 404.
 */
public final class StoreServer implements AutoCloseable {
    /** Worker threads: a page is a few small files; two browsers and a poll fit. */
    static final int THREADS = 4;

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "svg",
            "image/svg+xml", "json", "application/json", "jsonl", "text/plain; charset=utf-8", "log",
            "text/plain; charset=utf-8", "txt", "text/plain; charset=utf-8", "md", "text/plain; charset=utf-8", "png",
            "image/png", "tla", "text/plain; charset=utf-8", "cfg", "text/plain; charset=utf-8");

    private final Runs runs;
    private final List<SafeFiles> reports;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
        Thread thread = new Thread(r, "serve");
        thread.setDaemon(true);
        return thread;
    });

    /** A server of {@code store} and the report directories, bound to host:port (port 0: any free port). */
    public StoreServer(Path store, List<Path> reportDirectories, String host, int port) throws IOException {
        this.runs = new Runs(new SafeFiles(store));
        this.reports = new java.util.ArrayList<>();
        for (Path directory : reportDirectories) {
            reports.add(new SafeFiles(directory));
        }
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "read-only: GET and HEAD only\n".getBytes(
                        StandardCharsets.UTF_8));
                return;
            }
            Response response;
            try {
                response = route(exchange.getRequestURI());
            } catch (IOException | RuntimeException e) {
                response = new Response(500, "text/plain; charset=utf-8", ("error: " + e + "\n").getBytes(
                        StandardCharsets.UTF_8));
            }
            if (response == null) {
                response = new Response(404, "text/html; charset=utf-8", Html.page("not found",
                        "<p>Nothing here: the server shows only the runs of its store and the reports of its report "
                                + "directories.</p>").getBytes(StandardCharsets.UTF_8));
            }
            send(exchange, response.status(), response.type(), method.equals("HEAD") ? null : response.body());
        }
    }

    private record Response(int status, String type, byte[] body) {
        static Response html(String page) {
            return new Response(200, "text/html; charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The response for a path, or null for 404. */
    private Response route(URI uri) throws IOException {
        String path = uri.getRawPath();
        if (path == null || path.contains("%2F") || path.contains("%2f") || path.contains("%5C") || path.contains("%5c")
                || path.contains("%00")) {
            return null;
        }
        path = uri.getPath();
        Map<String, String> query = query(uri.getQuery());
        if (path.equals("/")) {
            return Response.html(IndexPage.html(runs.all(), query.get("workload"), Verdict.parse(query.getOrDefault(
                    "verdict", ""))));
        }
        if (path.equals("/api/runs")) {
            ObjectNode json = Json.object();
            ObjectNode verdicts = json.putObject("runs");
            boolean running = false;
            for (RunSummary run : runs.all()) {
                verdicts.put(run.key(), run.verdict().label());
                running |= run.verdict() == Verdict.RUNNING;
            }
            json.put("running", running);
            return new Response(200, TYPES.get("json"), Json.write(json).getBytes(StandardCharsets.UTF_8));
        }
        if (path.startsWith("/api/run/")) {
            String[] parts = path.substring("/api/run/".length()).split("/", -1);
            if (parts.length != 2) {
                return null;
            }
            return runs.find(parts[0], parts[1]).map(run -> {
                ObjectNode json = Json.object();
                json.put("verdict", run.verdict().label());
                json.put("running", run.verdict() == Verdict.RUNNING);
                return new Response(200, TYPES.get("json"), Json.write(json).getBytes(StandardCharsets.UTF_8));
            }).orElse(null);
        }
        if (path.startsWith("/run/")) {
            return run(path.substring("/run/".length()), query);
        }
        if (path.startsWith("/store/")) {
            return file(runs.store(), path.substring("/store/".length()));
        }
        if (path.equals("/checks")) {
            return Response.html(ChecksPage.html(reports, runs.all()));
        }
        if (path.startsWith("/check/") || path.startsWith("/check-file/") || path.startsWith("/check-trace/")) {
            String rest = path.substring(path.indexOf('/', 1) + 1);
            int slash = rest.indexOf('/');
            if (slash < 0 || !rest.substring(0, slash).matches("\\d{1,3}")
                    || Integer.parseInt(rest.substring(0, slash)) >= reports.size()) {
                return null;
            }
            SafeFiles root = reports.get(Integer.parseInt(rest.substring(0, slash)));
            String relative = rest.substring(slash + 1);
            if (path.startsWith("/check-file/")) {
                return file(root, relative);
            }
            if (path.startsWith("/check-trace/")) {
                String prefix = relative.isEmpty() ? "" : relative + "/";
                Optional<Path> data = root.file(prefix + "TraceData.tla");
                return data.isEmpty() ? null : Response.html(TracePage.html(relative, data.get(),
                        root.file(prefix + TracePage.REPORT).orElse(null), query.get("from")));
            }
            Optional<Path> report = root.file(relative).filter(f -> f.getFileName().toString().endsWith(".md"));
            return report.isEmpty() ? null : Response.html(ReportPage.html(relative, report.get()));
        }
        return null;
    }

    /** /run/<workload>/<time>/[timeline.html | roles.svg | trace]. */
    private Response run(String rest, Map<String, String> query) throws IOException {
        String[] parts = rest.split("/", -1);
        if (parts.length != 3) {
            return null;
        }
        Optional<RunSummary> found = runs.find(parts[0], parts[1]);
        if (found.isEmpty()) {
            return null;
        }
        RunSummary run = found.get();
        switch (parts[2]) {
            case "":
                return Response.html(RunPage.html(run));
            case "timeline.html": {
                if (run.file("timeline.html").isPresent()) {
                    return file(runs.store(), run.key() + "/timeline.html");
                }
                return Response.html(Timeline.html(history(run), run.workload() + " " + run.id()));
            }
            case "roles.svg": {
                String svg = RoleChart.svg(history(run), Failovers.of(run.results()));
                return svg == null ? null : new Response(200, TYPES.get("svg"), svg.getBytes(StandardCharsets.UTF_8));
            }
            case "trace": {
                Optional<Path> data = run.file(TracePage.TRACE_DATA);
                return data.isEmpty() ? null : Response.html(TracePage.html(run.key(), data.get(),
                        run.file("trace-validation.txt").orElse(null), query.get("from")));
            }
            default:
                return null;
        }
    }

    private static List<Op> history(RunSummary run) throws IOException {
        Optional<Path> file = run.file("history.jsonl");
        return file.isPresent() ? HistoryFile.read(file.get()) : List.of();
    }

    private static Response file(SafeFiles root, String relative) throws IOException {
        Optional<Path> file = root.file(relative);
        if (file.isEmpty()) {
            return null;
        }
        String name = file.get().getFileName().toString();
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        return new Response(200, TYPES.getOrDefault(extension, "application/octet-stream"), Files.readAllBytes(
                file.get()));
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(pair.substring(0, equals), pair.substring(equals + 1));
                }
            }
        }
        return values;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
