package io.stagger.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.core.Config;
import io.stagger.core.Effects;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.RankRule;
import io.stagger.core.Server;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each step becomes one JSON line with the spec's names: ranks for servers, the state after the step. */
class TraceRecorderTest {
    private static final Effects IGNORE = Effects.NONE;

    @Test
    void everyStepIsOneLineWithTheStateAfterIt() {
        Group group = Group.of(List.of("n1", "n2", "n3"), new RankRule.ByPosition());
        Server n2 = new Server("n2", group, Config.defaults());
        StringWriter out = new StringWriter();
        n2.observeWith(new TraceRecorder(out, 1_000));

        n2.step(Event.Start.INSTANCE, 0, IGNORE);
        n2.step(new Event.Receive("n1", new Message.Revoke("n3", "n1", 4, List.of("n1", "n2"))), 5_000, IGNORE);

        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("{\"seq\":0,\"t\":1000,\"server\":\"n2\",\"rank\":2,\"action\":\"Start\"")
                .contains("\"role\":\"BACKUP\",\"master\":\"n1\",\"masterRank\":1,\"epoch\":0");
        assertThat(lines[1]).contains("\"t\":6000", "\"action\":\"ReceiveRevoke\"", "\"cause\":\"receive\"",
                "\"fromRank\":1,\"type\":\"revoke\",\"msgMaster\":1,\"msgRevoked\":3,\"msgEpoch\":4,\"msgLive\":\"1,2\"",
                "\"role\":\"BACKUP\",\"master\":\"n1\",\"masterRank\":1,\"epoch\":4",
                "\"n\":3,\"variants\":\"announce,epochs,patient,prompt,roster\",\"P\":100000,\"T\":50000,\"B\":100000,\"D\":20000,\"A\":3000000}");
    }
}
