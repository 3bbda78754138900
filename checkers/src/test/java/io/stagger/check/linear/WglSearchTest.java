package io.stagger.check.linear;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The search on small register histories, one row per case: "f arg→result invoke complete" ("write? 1 0 1" is
 * indeterminate, "cas! 1 2 0 1" a cas whose compare failed).
 */
class WglSearchTest {
    static Stream<Arguments> histories() {
        return Stream.of(
                Arguments.of("a read of the initial null", true, List.of("read -> null 0 1")),
                Arguments.of("write then read", true, List.of("write 1 0 1", "read -> 1 2 3")),
                Arguments.of("a stale read after a completed write", false, List.of("write 1 0 1", "read -> null 2 3")),
                Arguments.of("a read concurrent with a write may see either", true,
                        List.of("write 1 0 5", "read -> null 1 2", "read -> 1 3 4")),
                Arguments.of("once the new value is seen, the old one cannot come back", false,
                        List.of("write 1 0 10", "read -> 1 1 2", "read -> null 3 4")),
                Arguments.of("cas succeeds only from the current value", true,
                        List.of("write 1 0 1", "cas 1 2 2 3", "read -> 2 4 5")),
                Arguments.of("a successful cas from a value the register never had", false,
                        List.of("write 1 0 1", "cas 3 4 2 3")),
                Arguments.of("an indeterminate write may take effect late", true,
                        List.of("write? 1 0 1", "read -> null 2 3", "read -> 1 4 5")),
                Arguments.of("an indeterminate write may never take effect", true,
                        List.of("write? 1 0 1", "read -> null 2 3")),
                Arguments.of("an indeterminate write cannot take effect before its invocation", false,
                        List.of("read -> 1 0 1", "write? 1 2 3")),
                Arguments.of("an indeterminate cas that cannot apply is harmless", true,
                        List.of("cas? 7 8 0 1", "write 2 2 3", "read -> 2 4 5")),
                Arguments.of("two writes, reads in the wrong order", false,
                        List.of("write 1 0 1", "write 2 2 3", "read -> 2 4 5", "read -> 1 6 7")),
                Arguments.of("concurrent writes: the read sees the one the search tries first", true,
                        List.of("write 1 0 10", "write 2 0 10", "read -> 2 20 21")),
                Arguments.of("concurrent writes: the read sees the one the search must backtrack to", true,
                        List.of("write 1 0 10", "write 2 0 10", "read -> 1 20 21")),
                Arguments.of("a write that returned the instant a read began precedes it", false,
                        List.of("read -> null 1 2", "write 1 0 1")),
                Arguments.of("a cas whose compare failed while the register held its expected value", false,
                        List.of("write 1 0 1", "cas! 1 2 2 3")),
                Arguments.of("a cas whose compare failed on another value", true,
                        List.of("write 1 0 1", "cas! 3 2 2 3", "read -> 1 4 5")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("histories")
    void decides(String name, boolean linearizable, List<String> rows) {
        KeyVerdict verdict = WglSearch.check(parse(rows), Budget.DEFAULT);
        assertThat(verdict.status()).as(name)
                .isEqualTo(linearizable ? KeyVerdict.Status.LINEARIZABLE : KeyVerdict.Status.NOT_LINEARIZABLE);
        if (!linearizable) {
            assertThat(verdict.stuck()).isNotNegative();
            assertThat(verdict.unplaceable()).contains(verdict.stuck());
        }
    }

    @Test
    void theLongestPrefixAndTheOperationsThatCannotBePlacedAfterIt() {
        // write 1, read 1, write 2 linearize; the read of 1 after the completed write 2 cannot, nor can the read of 3.
        KeyHistory history = parse(List.of("write 1 0 1", "read -> 1 2 3", "write 2 4 5", "read -> 1 6 8",
                "read -> 3 7 9"));
        KeyVerdict verdict = WglSearch.check(history, Budget.DEFAULT);
        assertThat(verdict.status()).isEqualTo(KeyVerdict.Status.NOT_LINEARIZABLE);
        assertThat(verdict.prefix()).containsExactly(0, 1, 2);
        assertThat(verdict.stuck()).isEqualTo(3);
        assertThat(Arrays.stream(verdict.unplaceable()).boxed().toList()).containsExactly(3, 4);
        assertThat(history.describeWithTime(3)).isEqualTo("read → 1 (op 3, at 0.000 s)");
    }

    @Test
    void aValidHistoryLinearizesEveryDeterminateOperation() {
        KeyVerdict verdict = WglSearch.check(parse(List.of("write 1 0 10", "write 2 0 10", "read -> 1 20 21",
                "write? 4 22 23")), Budget.DEFAULT);
        assertThat(verdict.status()).isEqualTo(KeyVerdict.Status.LINEARIZABLE);
        assertThat(verdict.prefix()).startsWith(1, 0, 2);
    }

    @Test
    void aSearchBeyondItsBudgetIsUnknownNotAGuess() {
        // Twelve concurrent writes of distinct values and a read of a value nobody wrote: every order fails.
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add("write " + i + " 0 100");
        }
        rows.add("read -> 99 200 201");
        KeyHistory history = parse(rows);
        assertThat(WglSearch.check(history, new Budget(100, 1 << 20, Duration.ofSeconds(10))).status())
                .isEqualTo(KeyVerdict.Status.UNKNOWN);
        assertThat(WglSearch.check(history, Budget.DEFAULT).status()).isEqualTo(KeyVerdict.Status.NOT_LINEARIZABLE);
    }

    @Test
    void indeterminateWritesNobodyObservesAreLeftOutOfTheSearch() {
        // Thirty writes lost in a crash (indeterminate, concurrent) and a read of a value none of them wrote: were they
        // searched, their 2^30 subsets would be tried before the answer.
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            rows.add("write? " + i + " 0 100");
        }
        rows.add("read -> 99 200 201");
        Budget small = new Budget(1_000, 1 << 20, Duration.ofSeconds(10));
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.NOT_LINEARIZABLE);
        rows.set(rows.size() - 1, "read -> 7 200 201");
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.LINEARIZABLE);
        // An indeterminate cas from a lost value observes it only if it is kept itself: here it is not, then it is.
        rows.set(rows.size() - 1, "read -> 99 200 201");
        rows.add("cas? 3 40 150 151");
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.NOT_LINEARIZABLE);
        rows.set(rows.size() - 1, "cas? 3 99 150 151");
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.LINEARIZABLE);
        // A compare-failed cas observes every value but one: nothing is left out, and the same search runs out.
        rows.remove(rows.size() - 1);
        rows.add("cas! 50 51 300 301");
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.UNKNOWN);
    }

    @Test
    void aValueNoOpenOperationCanWriteAgainEndsTheBranch() {
        // A read of 1 after 2 overwrote it, beside twenty writes that stay open long (requests queued at a partitioned
        // master): once write 1 is placed and overwritten, no order of the twenty can help the read, and the search
        // turns back at once instead of trying their subsets.
        List<String> rows = new java.util.ArrayList<>(List.of("write 1 0 1", "write 2 2 3", "read -> 1 4 5"));
        for (int i = 0; i < 20; i++) {
            rows.add("write " + (10 + i) + " 1 1000");
        }
        Budget small = new Budget(1_000, 1 << 20, Duration.ofSeconds(10));
        KeyVerdict verdict = WglSearch.check(parse(rows), small);
        assertThat(verdict.status()).isEqualTo(KeyVerdict.Status.NOT_LINEARIZABLE);
        assertThat(verdict.stuck()).isEqualTo(2);
        rows.set(2, "read -> 2 4 5");
        assertThat(WglSearch.check(parse(rows), small).status()).isEqualTo(KeyVerdict.Status.LINEARIZABLE);
    }

    @Test
    void keysAreJudgedApartInTheirOrder() {
        List<KeyVerdict> verdicts = Linearizability.check(List.of(parse(List.of("write 1 0 1", "read -> 1 2 3")),
                parse(List.of("write 1 0 1", "read -> 2 2 3"))), Budget.DEFAULT);
        assertThat(verdicts).extracting(KeyVerdict::status)
                .containsExactly(KeyVerdict.Status.LINEARIZABLE, KeyVerdict.Status.NOT_LINEARIZABLE);
    }

    static KeyHistory parse(List<String> rows) {
        KeyHistory history = new KeyHistory("k");
        int process = 0;
        for (String row : rows) {
            String[] w = row.split(" ");
            boolean indeterminate = w[0].endsWith("?");
            String f = w[0].replace("?", "").replace("!", "");
            int timeAt = f.equals("cas") ? 3 : (f.equals("read") ? 3 : 2);
            long invoked = Long.parseLong(w[timeAt]);
            long completed = indeterminate ? KeyHistory.NEVER : Long.parseLong(w[timeAt + 1]);
            switch (f) {
                case "read":
                    history.add(KeyHistory.Kind.READ, null, null, value(w[2]), invoked, completed, process, process);
                    break;
                case "write":
                    history.add(KeyHistory.Kind.WRITE, value(w[1]), null, null, invoked, completed, process, process);
                    break;
                default:
                    history.add(w[0].endsWith("!") ? KeyHistory.Kind.CAS_COMPARE_FAILED : KeyHistory.Kind.CAS, value(w[1]),
                            value(w[2]), null, invoked, completed, process, process);
                    break;
            }
            process++;
        }
        return history;
    }

    private static JsonNode value(String text) {
        return text.equals("null") ? NullNode.instance : IntNode.valueOf(Integer.parseInt(text));
    }
}
