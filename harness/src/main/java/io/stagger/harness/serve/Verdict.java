package io.stagger.harness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** A run's state as the index shows it: its checked verdict, or still running, or stopped without results. */
enum Verdict {
    VALID(Html.VALID), INVALID(Html.INVALID), UNKNOWN(Html.UNKNOWN), RUNNING(Html.RUNNING),
    INCOMPLETE(Html.INCOMPLETE);

    final String colour;

    Verdict(String colour) {
        this.colour = colour;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** results.json's {@code valid?}: true, false, or anything else (the harness writes "error"). */
    static Verdict of(JsonNode valid) {
        if (valid != null && valid.isBoolean()) {
            return valid.asBoolean() ? VALID : INVALID;
        }
        return UNKNOWN;
    }

    static Verdict parse(String label) {
        for (Verdict verdict : values()) {
            if (verdict.label().equals(label)) {
                return verdict;
            }
        }
        return null;
    }
}
