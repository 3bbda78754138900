package io.stagger.check.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The events of one run: every {@code *.jsonl} file directly in a directory (one per node, or the simulator's one file),
 * merged into one sequence by time. Each file keeps its own order; equal times keep the files' order (the simulator's
 * global order is its file order). The nodes of a harness run stamp wall-clock time, so the merge is consistent with
 * causality as long as the nodes' clocks agree to better than one message delay.
 */
public final class TraceLog {
    private TraceLog() {
    }

    /** The merged events of {@code path}: a trace file or a directory of them. */
    public static List<TraceEvent> read(Path path) {
        List<Path> files = files(path);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no trace files (*.jsonl) in " + path);
        }
        List<TraceEvent> events = new ArrayList<>();
        for (Path file : files) {
            events.addAll(readFile(file));
        }
        events.sort(Comparator.comparingLong(TraceEvent::time)); // stable: each file's order stays
        return events;
    }

    private static List<Path> files(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no such trace file or directory: " + path);
        }
        try (Stream<Path> walk = Files.list(path)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TraceEvent> readFile(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<TraceEvent> events = new ArrayList<>(lines.size());
            for (int k = 0; k < lines.size(); k++) {
                String line = lines.get(k);
                if (line.isBlank()) {
                    continue;
                }
                String source = file.getFileName() + ":" + (k + 1);
                try {
                    events.add(TraceEvent.of(JsonLine.parse(line), source));
                } catch (RuntimeException e) {
                    if (k == lines.size() - 1) {
                        break; // a node killed mid-write leaves a partial last line
                    }
                    throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
