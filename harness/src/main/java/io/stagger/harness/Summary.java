package io.stagger.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.report.Results;
import java.io.PrintStream;

/** The end-of-run summary on the console: each checker's verdict, the key figures, and the verdict line. */
final class Summary {
    private Summary() {}

    /** The summary of a history from elsewhere: the checkers' verdicts, its keys, where the results are. */
    static void printAnalysis(PrintStream out, RunOutcome outcome, int opCount) {
        JsonNode results = outcome.results();
        out.println();
        out.println("history       " + results.path("test").path("history").asText() + " (" + opCount
                + " events, model " + results.path("test").path("model").asText() + ")");
        for (String check : new String[] {"workload", "stats"}) {
            JsonNode result = results.path(check);
            out.println(String.format("%-13s %s%s", check, result.path("valid?").asText(),
                    result.has("reason") ? "  (" + result.get("reason").asText() + ")" : ""));
        }
        linearizability(out, outcome);
        out.println("results       " + outcome.directory());
        out.println();
        if (outcome.reason() != null) {
            out.println(outcome.reason());
        }
        out.println(Results.verdictLine(outcome.exitCode()));
    }

    /** Each key's search (how many keys, operations, configurations) and a line per key that is not valid. */
    private static void linearizability(PrintStream out, RunOutcome outcome) {
        JsonNode keys = outcome.results().path("workload").path("keys");
        if (!keys.isObject() || keys.isEmpty()) {
            return;
        }
        long ops = 0;
        long configurations = 0;
        double slowest = 0;
        for (JsonNode key : keys) {
            ops += key.path("op-count").asLong();
            configurations += key.path("configurations").asLong();
            slowest = Math.max(slowest, key.path("search-ms").asDouble());
        }
        out.println("linearizable  " + keys.size() + " keys, " + ops + " operations, " + configurations
                + " configurations searched; slowest key " + slowest + " ms");
        for (var entry : keys.properties()) {
            JsonNode key = entry.getValue();
            if (key.path("valid?").isBoolean() && key.path("valid?").asBoolean()) {
                continue;
            }
            out.println("key " + entry.getKey() + (key.path("valid?").isBoolean()
                    ? ": not linearizable; longest linearizable prefix " + key.path("linearized-prefix").size() + " of "
                            + key.path("op-count").asLong() + " operations, " + key.path("unplaceable").size()
                            + " cannot be placed; " + (key.has("page") ? outcome.directory().resolve(key.get("page").asText())
                            : "no page")
                    : ": unknown (the search ran out of its budget after " + key.path("configurations").asLong()
                            + " configurations)"));
        }
    }

    static void print(PrintStream out, RunOutcome outcome) {
        JsonNode results = outcome.results();
        out.println();
        for (String check : new String[] {"workload", "availability", "stats"}) {
            JsonNode result = results.path(check);
            out.println(String.format("%-13s %s%s", check, result.path("valid?").asText(),
                    result.has("reason") ? "  (" + result.get("reason").asText() + ")" : ""));
        }
        JsonNode workload = results.path("workload");
        if (workload.has("dual-master-ms")) {
            out.println("failovers     " + workload.get("failover-count") + " (unresolved "
                    + workload.get("unresolved-failover-count") + "), failover ms " + workload.get("failover-ms")
                    + ", no master " + workload.get("no-master-ms") + " ms, two MASTERs " + workload.get("dual-master-ms")
                    + " ms, final master " + workload.path("master").asText("none"));
            if (workload.path("elections-counted").asBoolean(false)) {
                out.println("elections     " + workload.get("election-count") + " (spurious "
                        + workload.get("spurious-election-count") + "), revocations " + workload.get("revocation-count")
                        + "; per failover " + workload.get("declarations-per-failover") + " declarations (max "
                        + workload.get("max-declarations-in-a-failover") + "), max revocations "
                        + workload.get("max-revocations-in-a-failover") + "; one master " + workload.get("first-agreement-ms")
                        + " ms after the start");
            }
            if (workload.path("registration-count").asInt(0) > 0) {
                out.println("name server   " + workload.get("registration-count") + " registrations; after a failover,"
                        + " ms from all live nodes agreeing to the registration (negative: registered first) "
                        + workload.get("registration-lag-ms"));
            }
        }
        if (workload.has("resume-ms")) {
            out.println("conference    " + workload.get("post-count") + " posts acknowledged, "
                    + workload.get("read-count") + " reads, doc writes " + workload.get("doc-write-ok-count") + " ok / "
                    + workload.get("doc-write-denied-count") + " denied, " + workload.get("floor-grant-count") + " floor grants");
            out.println("resume        " + workload.get("failover-count") + " failovers, resume ms "
                    + workload.get("resume-ms") + "; after each fault start " + workload.get("fault-resume-ms"));
        }
        if (workload.has("stable-latencies")) {
            out.println("set           " + workload.get("acknowledged-count") + " acknowledged, " + workload.get("lost-count")
                    + " lost, " + workload.get("stable-count") + " stable (" + workload.get("stale-count") + " stale), "
                    + workload.get("never-read-count") + " never read");
            out.println("stable ms     " + workload.get("stable-latencies")
                    + " (quantiles: from an element's acknowledgement until every read shows it)");
        }
        if (workload.has("acceptable")) {
            out.println("counter       final reads " + workload.get("final-reads") + ", acceptable " + workload.get("acceptable")
                    + "; during the run " + workload.get("out-of-bounds-read-count") + " of " + workload.get("read-count")
                    + " reads out of bounds (reported only: the final reads are judged)");
        }
        if (workload.has("anomaly-counts")) {
            out.println("kafka         " + workload.get("send-count") + " sends, " + workload.get("poll-count")
                    + " polls on " + workload.get("key-count") + " keys; anomalies " + workload.get("anomaly-counts"));
        }
        linearizability(out, outcome);
        out.println("latency ms    " + results.path("latency").path("ok"));
        out.println("messages/s    " + results.path("net").path("main-phase"));
        JsonNode perOp = results.path("net").path("msgs-per-op");
        out.println("msgs-per-op   " + perOp.path("servers").asText("-") + " between servers (" + perOp.path("all")
                .asText("-") + " in all) over " + perOp.path("op-count").asText("0") + " operations");
        out.println("delivery ms   " + results.path("net").path("delivery-ms")
                + " (send to delivery: the latency drawn plus the router's lag)");
        out.println("init ms       " + results.path("nodes").path("init-ms"));
        for (JsonNode problem : results.path("problems")) {
            out.println("error         " + problem.asText());
        }
        out.println("results       " + outcome.directory());
        out.println();
        if (outcome.reason() != null) {
            out.println(outcome.reason());
        }
        out.println(Results.verdictLine(outcome.exitCode()));
    }
}
