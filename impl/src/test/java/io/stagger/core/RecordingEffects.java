package io.stagger.core;

import java.util.ArrayList;
import java.util.List;

/** Effects recorded as readable lines, in order: {@code send n1 Declare[master=n2, epoch=1]}, {@code arm ELECTION @120000}. */
final class RecordingEffects implements Effects {
    final List<String> lines = new ArrayList<>();

    @Override
    public void send(String to, Message message) {
        lines.add("send " + to + " " + message);
    }

    @Override
    public void arm(Timer timer, long deadlineMicros) {
        lines.add("arm " + timer + " @" + deadlineMicros);
    }

    @Override
    public void cancel(Timer timer) {
        lines.add("cancel " + timer);
    }

    List<String> sends() {
        return lines.stream().filter(l -> l.startsWith("send ")).toList();
    }

    List<String> arms() {
        return lines.stream().filter(l -> l.startsWith("arm ")).toList();
    }

    RecordingEffects clear() {
        lines.clear();
        return this;
    }
}
