package io.stagger.cli;

import java.util.HashSet;
import java.util.Set;

/**
 * The plain forms of a command line, read without picocli. Building picocli's model of a command (reflection over its
 * annotations, whose proxies are classes spun at run time, and picocli's own classes, which are class-file version
 * 49 and cannot be held by a class-data archive) is most of a short-lived command's start. A command whose command
 * line has only the plain forms reads it here and runs; anything else goes to picocli, which stays the one
 * definition of the options and gives {@code --help}, {@code --version} and every error text. Each command's test
 * holds this parse to picocli's on every option.
 *
 * <p>Plain forms: a long option with its value as the next argument or after {@code =}; a flag (an option without a
 * value) by any of its names; a positional parameter that does not start with {@code -} or {@code @}; each option and
 * flag at most once. Not plain (picocli's): an unknown or repeated option, a missing value, a value that is empty,
 * starts with {@code -} or {@code @} or holds a quote, an argument file, {@code --}, clustered short flags.
 */
public final class PlainOptions {
    private PlainOptions() {}

    /** A command that reads its plain command lines itself. */
    public interface Target {
        /** Sets the flag {@code name}; false if this command has no such flag. */
        boolean setFlag(String name);

        /**
         * Sets the option {@code name} to {@code value}; false if this command has no such option, or if picocli
         * must judge the value (a conversion it reads otherwise, or an error it names).
         */
        boolean setOption(String name, String value);

        /** Sets the next positional parameter to {@code value}; false if this command takes no more of them. */
        boolean setParameter(String value);
    }

    /**
     * Sets {@code target}'s options from {@code args} if every argument is in a plain form; false, with the target
     * partly set and nothing about it to be trusted, for anything picocli must see.
     */
    public static boolean parse(String[] args, Target target) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (!isPlainValue(arg) || !target.setParameter(arg)) {
                    return false;
                }
                continue;
            }
            if (!arg.startsWith("--")) {
                if (!seen.add(arg) || !target.setFlag(arg)) {
                    return false;
                }
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!seen.add(name)) {
                return false;
            }
            if (equals < 0 && target.setFlag(name)) {
                continue;
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return false;
            }
            if (!isPlainValue(value) || !target.setOption(name, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlainValue(String value) {
        return !value.isEmpty() && !value.startsWith("-") && !value.startsWith("@") && value.indexOf('"') < 0
                && value.indexOf('\'') < 0;
    }

    /** Whether {@code text} is 0 or up to 18 decimal digits without a leading zero: a long, read alike by all. */
    public static boolean isPlainNatural(String text) {
        if (text.isEmpty() || text.length() > 18 || (text.length() > 1 && text.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
