package io.stagger.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.stagger.history.Json;
import org.junit.jupiter.api.Test;

/** A verdict as JSON: valid? first, the reason only when invalid, then the figures. */
class CheckResultTest {
    @Test
    void aValidResultHasNoReason() {
        assertThat(CheckResult.valid(Json.object().put("count", 1)).toJson().toString())
                .isEqualTo("{\"valid?\":true,\"count\":1}");
    }

    @Test
    void anInvalidResultSaysWhy() {
        assertThat(CheckResult.invalid("lost a post", Json.object().put("count", 1)).toJson().toString())
                .isEqualTo("{\"valid?\":false,\"reason\":\"lost a post\",\"count\":1}");
    }
}
