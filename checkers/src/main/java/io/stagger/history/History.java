package io.stagger.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** The run's history: every invocation and completion in the order they happened, appended from many threads. */
public final class History {
    private final LongSupplier clock;
    private final List<Op> ops = new ArrayList<>();
    private volatile long invocations;
    private volatile long oks;

    /** A history whose events are timed by clock: nanoseconds since the start of the run. */
    public History(LongSupplier clock) {
        this.clock = clock;
    }

    public synchronized Op add(int process, Op.Type type, String f, JsonNode value, String node, String error,
            boolean isFinal) {
        Op op = new Op(ops.size(), process, type, f, value, clock.getAsLong(), node, error, isFinal);
        ops.add(op);
        if (type == Op.Type.INVOKE) {
            invocations++;
        } else if (type == Op.Type.OK) {
            oks++;
        }
        return op;
    }

    public long invocations() {
        return invocations;
    }

    public long oks() {
        return oks;
    }

    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    /** One invocation with its completion (null if it never completed). */
    public record Pair(Op invoke, Op complete) {
        public boolean ok() {
            return complete != null && complete.is(Op.Type.OK);
        }

        public boolean failed() {
            return complete != null && complete.is(Op.Type.FAIL);
        }
    }

    /** The client operations as invocation/completion pairs, in invocation order. */
    public static List<Pair> pairs(List<Op> ops) {
        Map<Integer, Integer> open = new HashMap<>();
        List<Op> invokes = new ArrayList<>();
        List<Op> completions = new ArrayList<>();
        for (Op op : ops) {
            if (op.process() == Op.NEMESIS) {
                continue;
            }
            if (op.is(Op.Type.INVOKE)) {
                open.put(op.process(), invokes.size());
                invokes.add(op);
                completions.add(null);
            } else {
                Integer invoke = open.remove(op.process());
                if (invoke != null) {
                    completions.set(invoke, op);
                }
            }
        }
        List<Pair> pairs = new ArrayList<>(invokes.size());
        for (int i = 0; i < invokes.size(); i++) {
            pairs.add(new Pair(invokes.get(i), completions.get(i)));
        }
        return pairs;
    }
}
