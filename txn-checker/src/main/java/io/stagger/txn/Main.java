package io.stagger.txn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a history file from the command line; exit 0 valid, 1 invalid, 2 unknown, 3 bad input. */
@Command(name = "txn-check", mixinStandardHelpOptions = true,
        description = "Checks a transactional (list-append or rw-register) history for anomalies, as Elle does.")
public final class Main implements Callable<Integer> {
    @Parameters(index = "0", description = "history, one JSON operation per line (type, process, f=txn, value, time)")
    Path history;

    @Option(names = "--workload", description = "list-append or rw-register (default: inferred from the history)")
    String workload;

    @Option(names = "--consistency-models", split = ",", defaultValue = "strict-serializable",
            description = "models that must hold: read-uncommitted, read-committed, snapshot-isolation, serializable, "
                    + "strict-serializable (default ${DEFAULT-VALUE})")
    List<String> models;

    @Option(names = "--svg-dir", description = "write one SVG per cycle found into this directory")
    Path svgDir;

    @Option(names = "--json", description = "write the result as JSON to this file")
    Path json;

    @Option(names = "--show", defaultValue = "5", description = "anomalies of each type explained in full")
    int show;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        TxnHistory parsed;
        Set<ConsistencyModel> wanted = EnumSet.noneOf(ConsistencyModel.class);
        try (Reader reader = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
            for (String model : models) {
                wanted.add(ConsistencyModel.parse(model));
            }
            parsed = HistoryReader.read(reader, workload == null ? null : Workload.parse(workload));
        } catch (IllegalArgumentException e) {
            System.err.println("txn-check: " + history + ": " + e.getMessage());
            return 3;
        }
        CheckResult result = TxnChecker.check(parsed, wanted);
        System.out.print(result.report(show));
        if (svgDir != null) {
            writeSvgs(result, svgDir, Integer.MAX_VALUE);
        }
        if (json != null) {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), toJson(result, Integer.MAX_VALUE));
        }
        return switch (result.verdict()) {
            case VALID -> 0;
            case INVALID -> 1;
            case UNKNOWN -> 2;
        };
    }

    /** One SVG per cycle, up to {@code perType} of each type, named like {@code G-single-1.svg}; how many. */
    public static int writeSvgs(CheckResult result, Path dir, int perType) throws IOException {
        int written = 0;
        for (AnomalyType type : AnomalyType.values()) {
            int n = 0;
            for (Anomaly anomaly : result.of(type)) {
                if (!anomaly.cycle().isEmpty() && n < perType) {
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(type.text() + "-" + ++n + ".svg"), CycleSvg.render(anomaly, result.workload()));
                    written++;
                }
            }
        }
        return written;
    }

    /** The result as JSON: verdict, counts, and up to {@code perType} anomalies of each type, explained. */
    public static ObjectNode toJson(CheckResult result, int perType) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("workload", result.workload().text());
        root.put("valid", result.verdict().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode out = root.putArray("ruled-out");
        result.ruledOut().forEach(m -> out.add(m.text()));
        ObjectNode counts = root.putObject("anomaly-types");
        result.counts().forEach((type, count) -> counts.put(type.text(), count));
        ArrayNode anomalies = root.putArray("anomalies");
        java.util.Map<AnomalyType, Integer> shown = new java.util.EnumMap<>(AnomalyType.class);
        for (Anomaly anomaly : result.anomalies()) {
            if (shown.merge(anomaly.type(), 1, Integer::sum) > perType) {
                continue;
            }
            ObjectNode node = anomalies.addObject();
            node.put("type", anomaly.type().text());
            node.put("explanation", anomaly.explanation());
            ArrayNode txns = node.putArray("txns");
            anomaly.txns().forEach(t -> txns.add(t.text(result.workload())));
            ArrayNode steps = node.putArray("cycle");
            anomaly.cycle().forEach(s -> steps.add(s.because() + " (" + s.type().label() + ")"));
        }
        return root;
    }
}
