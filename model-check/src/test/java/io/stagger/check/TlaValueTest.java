package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TLC's printed values read back. */
class TlaValueTest {
    @Test
    void readsTuplesSetsRecordsAndAtoms() {
        TlaValue value = TlaValue.parse("{ [type |-> \"declare\", from |-> 2, epoch |-> -1], [type |-> \"inquiry\", "
                + "from |-> 3, epoch |-> 0] }");
        assertThat(value.items()).hasSize(2);
        assertThat(value.items().get(0).field("type").asText()).isEqualTo("declare");
        assertThat(value.items().get(0).field("epoch").asLong()).isEqualTo(-1);
        assertThat(TlaValue.parse("<<\"MASTER\", \"BACKUP\">>").items())
                .containsExactly(new TlaValue.Atom("MASTER"), new TlaValue.Atom("BACKUP"));
        assertThat(TlaValue.parse("<<TRUE, FALSE>>").items().get(1).asText()).isEqualTo("FALSE");
        assertThat(TlaValue.parse("{}").items()).isEqualTo(List.of());
    }

    @Test
    void readsIntervalsAsSets() {
        TlaValue rosters = TlaValue.parse("<<1..3, {}, {1, 3}>>");
        assertThat(rosters.items().get(0).items())
                .containsExactly(new TlaValue.Int(1), new TlaValue.Int(2), new TlaValue.Int(3));
        assertThat(rosters.items().get(2).items()).containsExactly(new TlaValue.Int(1), new TlaValue.Int(3));
    }
}
