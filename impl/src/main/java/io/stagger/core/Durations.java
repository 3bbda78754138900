package io.stagger.core;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations with units, as every option and configuration field carries them ({@code 100ms}, {@code 2s}, {@code 500us}). */
public final class Durations {
    private static final Pattern WITH_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m)");

    private Durations() {}

    /** Parses {@code 100ms}, {@code 1.5s}, {@code 250us}, {@code 1m}; a bare number is refused: units are required. */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing duration");
        }
        Matcher m = WITH_UNIT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a number with a unit, such as 100ms, 2s, 500us or 1m");
        }
        double amount = Double.parseDouble(m.group(1));
        double micros = switch (m.group(2)) {
            case "us", "µs" -> amount;
            case "ms" -> amount * 1_000;
            case "s" -> amount * 1_000_000;
            default -> amount * 60_000_000;
        };
        return Duration.ofNanos(Math.round(micros * 1_000));
    }

    /** Formats a duration compactly with a unit: {@code 100ms}, {@code 2s}, {@code 250us}. */
    public static String format(Duration d) {
        long micros = micros(d);
        if (micros % 1_000_000 == 0 && micros != 0) {
            return micros / 1_000_000 + "s";
        }
        if (micros % 1_000 == 0) {
            return micros / 1_000 + "ms";
        }
        return micros + "us";
    }

    /** Whole microseconds of {@code d}. */
    public static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    static void requireNonNegative(String name, Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a duration of zero or more, got " + d);
        }
    }

    static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}
