package io.stagger.check;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** A kind of fault that the model injects, each with its own budget CONSTANT. */
public enum Fault {
    CRASH("MaxCrashes", "a server crashes and loses its state"),
    RESTART("MaxRestarts", "a crashed server comes back (rule 9); needs crash"),
    LOSS("MaxLosses", "a message in flight is lost"),
    LATE("MaxLate", "a message is delayed beyond the bound D"),
    PARTITION("MaxPartitions", "the group splits in two, and later heals");

    private final String budgetConstant;
    private final String meaning;

    Fault(String budgetConstant, String meaning) {
        this.budgetConstant = budgetConstant;
        this.meaning = meaning;
    }

    /** The spec's CONSTANT that bounds how many faults of this kind happen. */
    public String budgetConstant() {
        return budgetConstant;
    }

    /** One line for the help and the reports. */
    public String meaning() {
        return meaning;
    }

    /** The name on the command line and in reports. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a comma-separated list; {@code none} (or an empty list) is a fault-free run. */
    public static Set<Fault> parseList(String text) {
        Set<Fault> faults = EnumSet.noneOf(Fault.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || name.equals("none")) {
                continue;
            }
            faults.add(parse(name));
        }
        if (faults.contains(RESTART) && !faults.contains(CRASH)) {
            throw new IllegalArgumentException("fault 'restart' needs 'crash' (only a crashed server restarts)");
        }
        return faults;
    }

    private static Fault parse(String name) {
        for (Fault fault : values()) {
            if (fault.label().equals(name)) {
                return fault;
            }
        }
        throw new IllegalArgumentException(
                "unknown fault '" + name + "' (known: crash, restart, loss, late, partition, none)");
    }

    /** A fault set as written on the command line: {@code crash,partition}, or {@code none}. */
    public static String label(Set<Fault> faults) {
        if (faults.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        for (Fault fault : values()) {
            if (faults.contains(fault)) {
                text.append(text.length() == 0 ? "" : ",").append(fault.label());
            }
        }
        return text.toString();
    }
}
