package io.stagger.runtime;

import io.stagger.core.Config;
import io.stagger.core.Server;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * Test-only access to a {@link MaelstromNode} without threads: feeds it lines through the package-private
 * {@code handleLine}, flushes its stdout, and reads its core ({@link Server}) by reflection, so that the fuzz tests
 * of {@code io.stagger.fuzz} need nothing new in the main code.
 */
public final class NodeDriver {
    private static final Field SERVER = field("server");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final MaelstromNode node;
    private int throwablesPrinted;

    /** A node with the default configuration that never reads or writes boot markers (boot mode START). */
    public NodeDriver() {
        NodeOptions options = new NodeOptions(Config.defaults(), BootMode.START, null, false, true, 1, 5_000,
                NodeOptions.DEFAULT_SNAPSHOT_PERIOD_MICROS);
        this.node = new MaelstromNode(options, out, new PrintStream(err, true, StandardCharsets.UTF_8) {
            @Override
            public void println(Object x) {
                if (x instanceof Throwable) {
                    throwablesPrinted++; // Throwable.printStackTrace(stream) starts with println(this)
                }
                super.println(x);
            }
        });
    }

    /** Hands {@code line} to the node, then flushes what it wrote. */
    public void handleLine(String line) {
        node.handleLine(line);
        node.flushOutput();
    }

    /** The node's core, or null before {@code init}. */
    public Server server() {
        try {
            return (Server) SERVER.get(node);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    /** Everything the node wrote to stdout so far. */
    public String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** How many stack traces the node printed to stderr (its last resort for a bug, e.g. a broken invariant). */
    public int throwablesPrinted() {
        return throwablesPrinted;
    }

    /** Everything the node wrote to stderr so far. */
    public String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Field field(String name) {
        try {
            Field f = MaelstromNode.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
