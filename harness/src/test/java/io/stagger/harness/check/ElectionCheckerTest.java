package io.stagger.harness.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.stagger.harness.Json;
import io.stagger.harness.history.Op;
import io.stagger.harness.workload.CheckContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The election checker on written-out histories: failover times, overlaps, and the convergence verdict. */
class ElectionCheckerTest {
  private static final List<String> NODES = List.of("n1", "n2", "n3");
  private final List<Op> history = new ArrayList<>();

  private void answer(long millis, String node, String master, String role, boolean isFinal) {
    JsonNode view = Json.object().put("master", master).put("role", role);
    int process = NODES.indexOf(node);
    history.add(new Op(history.size(), process, Op.Type.INVOKE, "master", NullNode.instance, millis * 1_000_000 - 1,
        node, null, isFinal));
    history.add(new Op(history.size(), process, Op.Type.OK, "master", view, millis * 1_000_000, node, null,
        isFinal));
  }

  private void nemesis(long millis, String f, String node) {
    history.add(new Op(history.size(), Op.NEMESIS, Op.Type.INFO, f, Json.MAPPER.createArrayNode().add(node),
        millis * 1_000_000, null, null, false));
  }

  private void allAgreeOn(long millis, String master, List<String> nodes) {
    for (String node : nodes) {
      answer(millis, node, master, node.equals(master) ? "MASTER" : "BACKUP", false);
    }
  }

  private void registered(long millis, String master) {
    history.add(new Op(history.size(), Op.NEMESIS, Op.Type.INFO, "name-server",
        Json.object().put("master", master), millis * 1_000_000, null, null, false));
  }

  @Test
  void reportsHowLongTheNewMasterTookToRegisterWithTheNameServer() {
    allAgreeOn(100, "n1", NODES);
    registered(120, "n1");
    nemesis(200, "kill", "n1");
    answer(300, "n2", null, "WAITING", false);
    answer(300, "n3", null, "WAITING", false);
    allAgreeOn(650, "n2", List.of("n2", "n3"));
    registered(700, "n2");
    allAgreeOn(2000, "n2", List.of("n2", "n3"));
    history.replaceAll(op -> op.time() >= 2_000_000_000L - 1 ? withFinal(op) : op);
    CheckResult result = check(-1);
    assertThat(result.valid()).as(result.reason()).isTrue();
    assertThat(result.details().get("registration-count").asInt()).isEqualTo(2);
    assertThat(result.details().get("registration-lag-ms").get("max").asDouble()).isEqualTo(50.0);
    assertThat(result.details().get("registrations").toString()).contains("n2 registered 50.0 ms after");
  }

  private CheckResult check(double maxDualMillis) {
    return new ElectionChecker(new CheckContext(history, NODES, maxDualMillis)).check();
  }

  @Test
  void measuresAFailoverFromTheKillToAgreement() {
    allAgreeOn(100, "n1", NODES);
    nemesis(200, "kill", "n1");
    answer(300, "n2", null, "WAITING", false);
    answer(300, "n3", null, "WAITING", false);
    allAgreeOn(650, "n2", List.of("n2", "n3"));
    nemesis(700, "restart", "n1");
    answer(800, "n1", "n2", "BACKUP", false);
    allAgreeOn(900, "n2", NODES);
    allAgreeOn(2000, "n2", NODES.stream().map(n -> n).toList());
    history.replaceAll(op -> op.time() >= 2_000_000_000L - 1 ? withFinal(op) : op);
    CheckResult result = check(-1);
    assertThat(result.valid()).as(result.reason()).isTrue();
    assertThat(result.details().get("failover-count").asInt()).isEqualTo(1);
    assertThat(result.details().get("failover-ms").get("max").asDouble()).isEqualTo(450.0);
    assertThat(result.details().get("no-master-ms").asDouble()).isEqualTo(450.0);
    assertThat(result.details().get("master").asText()).isEqualTo("n2");
  }

  @Test
  void twoMastersAfterRecoveryAreInvalid() {
    allAgreeOn(100, "n1", NODES);
    answer(1000, "n1", "n1", "MASTER", true);
    answer(1000, "n2", "n2", "MASTER", true);
    answer(1000, "n3", "n1", "BACKUP", true);
    CheckResult result = check(-1);
    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).contains("do not agree on one master");
  }

  @Test
  void overlappingMastersAreReportedAndInvalidOnlyBeyondTheConfiguredBound() {
    allAgreeOn(100, "n1", NODES);
    answer(200, "n2", "n2", "MASTER", false);
    answer(500, "n2", "n1", "BACKUP", false);
    allAgreeOn(600, "n1", NODES);
    history.replaceAll(op -> op.time() >= 600_000_000L - 1 ? withFinal(op) : op);
    assertThat(check(-1).valid()).isTrue();
    assertThat(check(-1).details().get("dual-master-ms").asDouble()).isEqualTo(300.0);
    CheckResult bounded = check(100);
    assertThat(bounded.valid()).isFalse();
    assertThat(bounded.reason()).contains("two MASTERs coexisted for 300.0 ms");
  }

  private static Op withFinal(Op op) {
    return new Op(op.index(), op.process(), op.type(), op.f(), op.value(), op.time(), op.node(), op.error(),
        op.process() != Op.NEMESIS);
  }
}
