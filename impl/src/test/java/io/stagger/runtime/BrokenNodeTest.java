package io.stagger.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.service.ConferenceOp;
import io.stagger.service.ConferenceOp.Kind;
import io.stagger.service.ConferenceState;
import io.stagger.service.KvResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test node's broken access check: what the conference checker must catch, and nothing else changed. */
class BrokenNodeTest {
    private final Map<String, Object> state = new HashMap<>();

    private KvResult apply(ConferenceOp op) {
        return BrokenNodeMain.withoutAccessCheck(op, state);
    }

    @Test
    void anOutsiderWritesTheDocumentAndGainsNoAccess() {
        apply(new ConferenceOp(Kind.JOIN, "main", "owner", 1, null, null, 0));
        ConferenceOp vandal = new ConferenceOp(Kind.DOC_WRITE, "main", "outsider", 1, "vandal", null, 0);
        assertThat(vandal.applyTo(new HashMap<>(state))).as("the product refuses it")
                .isInstanceOf(KvResult.Refused.class);

        assertThat(apply(vandal)).isInstanceOf(KvResult.Fields.class);
        ConferenceState meta = (ConferenceState) state.get(ConferenceOp.metaKey("main"));
        assertThat(meta.doc()).isEqualTo("vandal");
        assertThat(meta.access()).as("the access list is as it was").isEqualTo(List.of());
    }
}
