package io.stagger.maelstrom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Maelstrom's table of error codes (doc/protocol.md): which are definite. */
class ErrorCodeTest {
    @Test
    void onlyTimeOutCrashAndCustomCodesAreIndefinite() {
        for (ErrorCode code : ErrorCode.values()) {
            boolean indefinite = code == ErrorCode.TIMEOUT || code == ErrorCode.CRASH;
            assertThat(code.definite()).as(code.name()).isEqualTo(!indefinite);
            assertThat(ErrorCode.of(code.code())).contains(code);
        }
        assertThat(ErrorCode.of(1000)).isEmpty();
        assertThat(ErrorCode.isDefinite(1000)).isFalse();
        assertThat(ErrorCode.isDefinite(22)).isTrue();
        assertThat(ErrorCode.values()).extracting(ErrorCode::code)
                .containsExactly(0, 1, 10, 11, 12, 13, 14, 20, 21, 22, 30);
    }

    @Test
    void anErrorBodyRoundTripsAndAMalformedOneIsACrash() {
        RpcError error = new RpcError(ErrorCode.KEY_DOES_NOT_EXIST, "no such key");
        assertThat(RpcError.fromBody(error.toBody())).satisfies(back -> {
            assertThat(back.code()).isEqualTo(20);
            assertThat(back.text()).isEqualTo("no such key");
            assertThat(back.is(ErrorCode.KEY_DOES_NOT_EXIST)).isTrue();
            assertThat(back.definite()).isTrue();
        });
        RpcError malformed = RpcError.fromBody(Json.body("error").put("code", "twenty"));
        assertThat(malformed.is(ErrorCode.CRASH)).isTrue();
        assertThat(malformed.definite()).isFalse();
    }
}
