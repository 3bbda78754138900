package io.stagger.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagger.harness.report.Results;
import java.io.PrintStream;

/** The end-of-run summary on the console: each checker's verdict, the key figures, and the verdict line. */
final class Summary {
  private Summary() {}

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
    out.println("latency ms    " + results.path("latency").path("ok"));
    out.println("messages/s    " + results.path("net").path("main-phase"));
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
