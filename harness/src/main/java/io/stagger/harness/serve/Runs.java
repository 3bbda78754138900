package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.history.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runs of a store, {@code <store>/<workload>/<time>/}, read afresh on every request. A directory without
 * results.json is a run still going on if anything in it changed within {@link #QUIET_MILLIS}, else one that stopped
 * before writing its results.
 */
final class Runs {
    /** How long a run without results.json may stay unchanged and still count as running. */
    static final long QUIET_MILLIS = 5 * 60 * 1000;

    private final SafeFiles store;

    Runs(SafeFiles store) {
        this.store = store;
    }

    SafeFiles store() {
        return store;
    }

    /** Every run, newest first (by directory name: the harness names them by their start time). */
    List<RunSummary> all() {
        List<RunSummary> runs = new ArrayList<>();
        for (Path workload : children(store.root())) {
            if (!Files.isDirectory(workload) || Files.isSymbolicLink(workload)) {
                continue;
            }
            for (Path run : children(workload)) {
                if (Files.isDirectory(run) && !Files.isSymbolicLink(run)) {
                    runs.add(summary(workload.getFileName().toString(), run));
                }
            }
        }
        runs.sort(Comparator.comparing(RunSummary::id).reversed().thenComparing(RunSummary::workload));
        return runs;
    }

    /** One run, by workload and directory name; empty unless it is a run directory under the store. */
    Optional<RunSummary> find(String workload, String id) {
        return store.directory(workload + "/" + id).filter(d -> d.getParent().getParent().equals(store.root()))
                .map(directory -> summary(workload, directory));
    }

    private RunSummary summary(String workload, Path directory) {
        String key = workload + "/" + directory.getFileName();
        Optional<Path> resultsFile = store.file(key + "/results.json");
        long modified = lastModified(directory);
        if (resultsFile.isPresent()) {
            try {
                JsonNode results = Json.MAPPER.readTree(resultsFile.get().toFile());
                return new RunSummary(workload, directory.getFileName().toString(), directory, Verdict.of(results.get(
                        "valid?")), results, modified, store);
            } catch (IOException e) {
                return new RunSummary(workload, directory.getFileName().toString(), directory, Verdict.UNKNOWN, null,
                        modified, store);
            }
        }
        Verdict verdict = System.currentTimeMillis() - modified < QUIET_MILLIS ? Verdict.RUNNING : Verdict.INCOMPLETE;
        return new RunSummary(workload, directory.getFileName().toString(), directory, verdict, null, modified, store);
    }

    /** The latest modification of the directory, its files and node-logs/. */
    private static long lastModified(Path directory) {
        long latest = modified(directory);
        for (Path child : children(directory)) {
            latest = Math.max(latest, modified(child));
        }
        for (Path log : children(directory.resolve("node-logs"))) {
            latest = Math.max(latest, modified(log));
        }
        return latest;
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static List<Path> children(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
