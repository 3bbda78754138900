package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the index shows of one run directory, read from its results.json (absent while the run goes on). */
record RunSummary(String workload, String id, Path directory, Verdict verdict, JsonNode results, long modifiedMillis,
        SafeFiles store) {
    /** A file of the run, through the store's gate (a link out of the tree is absent). */
    Optional<Path> file(String relative) {
        return store.file(key() + "/" + relative);
    }

    /** The regular files of a directory of the run (empty if it has none), each through the store's gate. */
    List<Path> files(String relative) {
        Optional<Path> directory = relative.isEmpty() ? Optional.of(this.directory) : store.directory(key() + "/"
                + relative);
        return directory.map(Runs::children).orElse(List.of()).stream()
                .filter(p -> file((relative.isEmpty() ? "" : relative + "/") + p.getFileName()).isPresent()).toList();
    }

    /** "workload/id": the run's path under the store, and its address under /run/. */
    String key() {
        return workload + "/" + id;
    }

    String href() {
        return "/run/" + Html.url(workload) + "/" + Html.url(id) + "/";
    }

    String reason() {
        return results == null ? null : text(results.get("reason"));
    }

    JsonNode test() {
        return results == null ? null : results.path("test");
    }

    String seed() {
        return test() == null ? "" : text(test().get("seed"));
    }

    String nodeCount() {
        return test() == null ? "" : text(test().get("nodeCount"));
    }

    String nemeses() {
        if (test() == null) {
            return "";
        }
        List<String> faults = new ArrayList<>();
        test().path("nemesis").forEach(f -> faults.add(f.asText().toLowerCase(Locale.ROOT)));
        return faults.isEmpty() ? "none" : String.join(",", faults);
    }

    /** The headline figures: failovers and their p50/p99 for the election, operations and availability otherwise. */
    String figures() {
        if (results == null) {
            return "";
        }
        JsonNode workload = results.path("workload");
        JsonNode failover = workload.path("failover-ms");
        if (failover.isObject()) {
            String counts = "failovers " + workload.path("failover-count").asText("0");
            return failover.path("count").asLong() == 0 ? counts
                    : counts + ", failover p50 " + Html.number(failover.path("p50").asDouble()) + " ms, p99 "
                            + Html.number(failover.path("p99").asDouble()) + " ms";
        }
        JsonNode availability = results.path("availability");
        if (availability.has("op-count")) {
            return "operations " + availability.path("op-count").asLong() + ", availability "
                    + String.format(Locale.ROOT, "%.1f %%", availability.path("ok-fraction").asDouble() * 100);
        }
        return "";
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
