package io.stagger.trace;

import io.stagger.core.Action;
import io.stagger.core.Config;
import io.stagger.core.Event;
import io.stagger.core.Group;
import io.stagger.core.Message;
import io.stagger.core.Server;
import io.stagger.core.StepObserver;
import io.stagger.core.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A {@link StepObserver} that writes every step as one JSON line: the TLA+ action, the server and its rank, the
 * message or timer that caused the step, and the spec's per-server variables after it (role, master, epoch,
 * inquiryOut), with the configuration the spec's constants come from. {@code model-check}'s
 * {@code check --trace} reads these lines (model-check/TRACES.md).
 *
 * <p>Servers are named by rank in the message fields, as the spec names them (0 is NONE). The time {@code t} is
 * the step's {@code nowMicros} plus a fixed offset, so that the traces of several processes share one time line.
 * One recorder may observe several servers (the simulator's global order); the writer is flushed after every line,
 * so that a node that is killed leaves a complete trace up to its last step.
 */
public final class TraceRecorder implements StepObserver, AutoCloseable {
    private final Path directory; // null: write to out
    private final long offsetMicros;
    private Writer out;
    private long sequence;

    /** A recorder that writes to {@code out}, adding {@code offsetMicros} to every step's time. */
    public TraceRecorder(Writer out, long offsetMicros) {
        this(null, out, offsetMicros);
    }

    private TraceRecorder(Path directory, Writer out, long offsetMicros) {
        this.directory = directory;
        this.out = out;
        this.offsetMicros = offsetMicros;
    }

    /**
     * A recorder that appends to {@code <directory>/<server id>.jsonl}, opened at the first step (a node learns its
     * id only from Maelstrom's init), so that every node of a run can be given the same directory.
     */
    public static TraceRecorder inDirectory(Path directory, long offsetMicros) {
        return new TraceRecorder(directory, null, offsetMicros);
    }

    @Override
    public synchronized void stepped(Server server, Action action, Event cause, long nowMicros) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(directory.resolve(server.self() + ".jsonl"), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            out.write(line(sequence++, server, action, cause, nowMicros + offsetMicros));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace", e);
        }
    }

    /** One event as a JSON object on one line. */
    static String line(long sequence, Server server, Action action, Event cause, long timeMicros) {
        Group group = server.group();
        Config config = server.config();
        StringBuilder json = new StringBuilder(320).append('{');
        field(json, "seq", sequence);
        field(json, "t", timeMicros);
        field(json, "server", server.self());
        field(json, "rank", server.rank());
        field(json, "action", action.specName());
        if (cause instanceof Event.Receive receive) {
            Message message = receive.message();
            field(json, "cause", "receive");
            field(json, "from", receive.from());
            field(json, "fromRank", rankOf(group, receive.from()));
            field(json, "type", message.type());
            field(json, "msgMaster", rankOf(group, messageMaster(message)));
            field(json, "msgRevoked", message instanceof Message.Revoke revoke ? rankOf(group, revoke.revoked()) : 0);
            field(json, "msgEpoch", messageEpoch(message));
            field(json, "msgLive", liveRanks(group, message));
        } else if (cause instanceof Event.TimerFired fired) {
            field(json, "cause", "timer");
            field(json, "timer", fired.timer().name().toLowerCase(Locale.ROOT));
        } else {
            field(json, "cause", cause instanceof Event.Restart ? "restart" : "start");
        }
        field(json, "role", server.role().name());
        field(json, "master", server.master() == null ? "" : server.master());
        field(json, "masterRank", rankOf(group, server.master()));
        field(json, "epoch", server.epoch());
        field(json, "inquiryOut", server.inquiryOutstanding());
        field(json, "n", group.size());
        field(json, "variants", config.variants().stream().map(v -> v.name().toLowerCase(Locale.ROOT)).sorted()
                .collect(Collectors.joining(",")));
        field(json, "P", config.detectionPeriod().toNanos() / 1_000);
        field(json, "T", config.inquiryTimeout().toNanos() / 1_000);
        field(json, "B", config.electionBase().toNanos() / 1_000);
        field(json, "D", config.delayBounds().maxMicros());
        field(json, "A", config.startAllowance().toNanos() / 1_000);
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static String messageMaster(Message message) {
        if (message instanceof Message.InquiryOk ok) {
            return ok.master();
        } else if (message instanceof Message.Declare declare) {
            return declare.master();
        } else if (message instanceof Message.Revoke revoke) {
            return revoke.master();
        } else if (message instanceof Message.Suspect suspect) {
            return suspect.failed(); // the spec's suspect names the failed master in its master field
        }
        return null; // an inquiry names no master
    }

    /** Variant {@code roster}: the ranks a declare or revoke reports alive, comma-separated; empty without one. */
    private static String liveRanks(Group group, Message message) {
        List<String> live = message instanceof Message.Declare declare ? declare.live()
                : message instanceof Message.Revoke revoke ? revoke.live() : null;
        if (live == null) {
            return "";
        }
        return live.stream().map(id -> String.valueOf(group.rank(id))).collect(Collectors.joining(","));
    }

    private static long messageEpoch(Message message) {
        if (message instanceof Message.InquiryOk ok) {
            return ok.epoch();
        } else if (message instanceof Message.Declare declare) {
            return declare.epoch();
        } else if (message instanceof Message.Revoke revoke) {
            return revoke.epoch();
        } else if (message instanceof Message.Suspect suspect) {
            return suspect.epoch();
        }
        return 0; // the spec's inquiry carries epoch 0
    }

    private static int rankOf(Group group, String id) {
        return id == null ? 0 : group.rank(id);
    }

    private static void field(StringBuilder json, String name, long value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void field(StringBuilder json, String name, boolean value) {
        json.append('"').append(name).append("\":").append(value).append(',');
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":\"");
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append("\",");
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
