package io.stagger.check;

import io.stagger.core.Variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The generated .cfg sets every CONSTANT and checks the properties that apply to the fault model. */
class ModelWriterTest {
    @Test
    void crashOnlyModelsAlsoCheckTheStaggerAndFailoverClaims() {
        String cfg = ModelWriter.cfg(ModelConfig.of(3, EnumSet.of(Variant.EPOCHS), EnumSet.of(Fault.CRASH)));
        assertThat(cfg).contains("N = 3", "Announce = FALSE", "Epochs = TRUE", "Redirect = FALSE", "MaxCrashes = 1",
                "MaxPartitions = 0", "FailoverBound = 8", "FailoverWithinBound", "NoSpuriousElection",
                "PROPERTIES EpochNeverDecreases NoSpuriousElection Convergence", "CONSTRAINT EpochSpreadBound", "VIEW View");
    }

    @Test
    void otherFaultModelsCheckSafetyAndConvergence() {
        String cfg = ModelWriter.cfg(ModelConfig.of(4, EnumSet.noneOf(Variant.class), EnumSet.of(Fault.PARTITION)));
        assertThat(cfg).contains("MaxPartitions = 1", "FailoverBound = 0", "PROPERTIES EpochNeverDecreases Convergence")
                .doesNotContain("NoSpuriousElection", "CONSTRAINT");
    }

    @Test
    void rejectsBadConfigurations() {
        assertThatThrownBy(() -> ModelConfig.of(1, EnumSet.noneOf(Variant.class), EnumSet.noneOf(Fault.class)))
                .hasMessageContaining("at least 2");
        assertThatThrownBy(() -> Variant.parseList("announce,gossip")).hasMessageContaining("unknown variant 'gossip'");
        assertThatThrownBy(() -> Fault.parseList("restart")).hasMessageContaining("needs 'crash'");
        assertThatThrownBy(() -> new Timing(2, 1, 1, 1, 2)).hasMessageContaining("max delay");
    }
}
