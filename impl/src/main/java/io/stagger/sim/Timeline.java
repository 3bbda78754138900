package io.stagger.sim;

import io.stagger.core.Event;
import io.stagger.core.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The run as readable text, one line per step or fault: time, server, action, cause, state after. */
public final class Timeline {
    private final List<String> lines = new ArrayList<>();

    /** Records a step of {@code server}. */
    void step(long nowMicros, Server server, String action, Event cause) {
        lines.add(String.format(Locale.ROOT, "%12s  %-4s %-16s %-44s -> %s", time(nowMicros), server.self(),
                action, cause(cause), server.snapshot()));
    }

    /** Records a fault the simulator injected. */
    void fault(long nowMicros, Fault fault) {
        lines.add(String.format(Locale.ROOT, "%12s  **** %s", time(nowMicros), ScenarioText.formatFault(fault)));
    }

    /** Every line, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The whole timeline, one step per line. */
    public String render() {
        return String.join("\n", lines);
    }

    /** At most {@code maxLines} lines: the head and the tail, with the number of lines left out between them. */
    public String render(int maxLines) {
        if (lines.size() <= maxLines) {
            return render();
        }
        int head = maxLines / 4;
        int tail = maxLines - head;
        return String.join("\n", lines.subList(0, head)) + "\n    ... " + (lines.size() - head - tail)
                + " steps left out ...\n" + String.join("\n", lines.subList(lines.size() - tail, lines.size()));
    }

    /** Virtual microseconds as milliseconds with three decimals: {@code 150.250ms}. */
    public static String time(long micros) {
        return String.format(Locale.ROOT, "%d.%03dms", micros / 1_000, micros % 1_000);
    }

    private static String cause(Event cause) {
        if (cause instanceof Event.Receive receive) {
            return "from " + receive.from() + " " + receive.message();
        } else if (cause instanceof Event.TimerFired fired) {
            return "timer " + fired.timer();
        }
        return cause.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }
}
