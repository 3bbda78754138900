package io.stagger.maelstrom.examples;

import java.util.Arrays;

/** Runs one example by name: the main class of the examples jar, behind bin/maelstrom-example. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        String name = args.length == 0 ? "" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (name) {
            case "echo" -> Echo.main(rest);
            case "unique-ids" -> UniqueIds.main(rest);
            case "broadcast" -> Broadcast.main(rest);
            case "g-counter" -> GCounter.main(rest);
            case "lin-kv-proxy" -> LinKvProxy.main(rest);
            default -> {
                System.err.println("usage: maelstrom-example NAME, NAME one of echo, unique-ids, broadcast, g-counter,"
                        + " lin-kv-proxy (got '" + name + "')");
                System.exit(2);
            }
        }
    }
}
