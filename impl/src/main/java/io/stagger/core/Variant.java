package io.stagger.core;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The switchable fixes of PROTOCOL.md §5; the same names as the spec's CONSTANTs and the harness's options. */
public enum Variant {
    /** A MASTER re-sends {@code declare} every {@code P}, so that masters that never heard of each other meet. */
    ANNOUNCE,
    /** Every new mastership takes a higher epoch; WAITING and BACKUP servers ignore older declarations. */
    EPOCHS,
    /** A non-master answers {@code inquiry} with whom it recognises; the inquirer adopts that master. */
    REDIRECT,
    /**
     * No election without a fault: a starting BACKUP begins detection only once it hears from its master, or after
     * the start allowance; a restarted server waits one announce period and one delay bound more than {@code E(i)}.
     */
    PATIENT,
    /**
     * Candidates spaced by {@code P + max d} more than {@code d}, so that the detection skew a crash causes (less
     * than {@code P + max d}) cannot cross declarations: one declaration per failover.
     */
    SPACED,
    /**
     * A backup that detects its master's failure tells the candidates stronger than itself ({@code suspect}); a BACKUP
     * of the same master and epoch takes it as its own detection, so the strongest survivor's election counts from
     * the earliest detection rather than its own.
     */
    PROMPT,
    /**
     * A MASTER reports in each declaration the members it heard an inquiry from in its last two announce periods;
     * a candidate's election delay counts only the stronger candidates on that roster, so that members known to be
     * down cost no stagger step.
     */
    ROSTER;

    /** The name used on command lines, in the spec and in reports. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list such as {@code announce,epochs}; {@code none} or an empty string is the claims' variant. */
    public static Set<Variant> parseList(String list) {
        EnumSet<Variant> variants = EnumSet.noneOf(Variant.class);
        if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("none")) {
            return variants;
        }
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            try {
                variants.add(Variant.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "unknown variant '" + name + "': expected announce, epochs, redirect, patient, spaced, prompt, roster or none");
            }
        }
        return variants;
    }

    /** The inverse of {@link #parseList}: {@code none} for the claims' variant. */
    public static String formatList(Set<Variant> variants) {
        if (variants.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        for (Variant v : EnumSet.copyOf(variants)) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(v.optionName());
        }
        return out.toString();
    }
}
