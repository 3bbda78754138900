package io.stagger.core;

import java.time.Duration;
import java.util.Locale;

/** Durations with units, as every option and configuration field carries them ({@code 100ms}, {@code 2s}, {@code 500us}). */
public final class Durations {
    private Durations() {}

    /** Parses {@code 100ms}, {@code 1.5s}, {@code 250us}, {@code 1m}; a bare number is refused: units are required. */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("missing duration");
        }
        // By hand rather than by a regular expression: this runs at every node's start, where compiling a Pattern
        // (the first regular expression and the first lambdas of a start) costs more than the rest of the parse.
        String s = text.strip().toLowerCase(Locale.ROOT);
        int end = digits(s, 0);
        if (end > 0 && end < s.length() && s.charAt(end) == '.') {
            int fraction = digits(s, end + 1);
            end = fraction > end + 1 ? fraction : -1;
        }
        int unit = end;
        while (unit > 0 && unit < s.length() && isSpace(s.charAt(unit))) {
            unit++;
        }
        double factor = end <= 0 ? -1 : switch (s.substring(unit)) {
            case "us", "µs" -> 1;
            case "ms" -> 1_000;
            case "s" -> 1_000_000;
            case "m" -> 60_000_000;
            default -> -1;
        };
        if (factor < 0) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration: write a number with a unit, such as 100ms, 2s, 500us or 1m");
        }
        double micros = Double.parseDouble(s.substring(0, end)) * factor;
        return Duration.ofNanos(Math.round(micros * 1_000));
    }

    /** The end of the run of ASCII digits in {@code s} that starts at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** White space as a regular expression's {@code \s}: space, tab, line feed, vertical tab, form feed, return. */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
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
