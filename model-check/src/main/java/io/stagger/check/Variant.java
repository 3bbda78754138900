package io.stagger.check;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A fix of PROTOCOL.md §5, switched on by a CONSTANT of the spec. */
public enum Variant {
    ANNOUNCE("Announce"),
    EPOCHS("Epochs"),
    REDIRECT("Redirect"),
    PATIENT("Patient"),
    SPACED("Spaced"),
    PROMPT("Prompt");

    private final String constant;

    Variant(String constant) {
        this.constant = constant;
    }

    /** The spec's CONSTANT that switches this variant on. */
    public String constant() {
        return constant;
    }

    /** The name on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list; {@code none} (or an empty list) is the claims' variant. */
    public static Set<Variant> parseList(String text) {
        Set<Variant> variants = EnumSet.noneOf(Variant.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("none")) {
                continue;
            }
            variants.add(parse(name));
        }
        return variants;
    }

    private static Variant parse(String name) {
        for (Variant variant : values()) {
            if (variant.label().equals(name)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "' (known: announce, epochs, redirect, patient, spaced, prompt, none)");
    }

    /** A variant set as written on the command line: {@code announce,epochs}, or {@code none}. */
    public static String label(Set<Variant> variants) {
        if (variants.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Variant variant : values()) {
            if (variants.contains(variant)) {
                text.append(text.length() == 0 ? "" : ",").append(variant.label());
            }
        }
        return text.toString();
    }
}
