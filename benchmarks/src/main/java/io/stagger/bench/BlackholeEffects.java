package io.stagger.bench;

import io.stagger.core.Effects;
import io.stagger.core.Message;
import io.stagger.core.Timer;
import org.openjdk.jmh.infra.Blackhole;

/** The benchmarks' driver: every effect a step decides goes into JMH's {@link Blackhole}, so none is optimised away. */
final class BlackholeEffects implements Effects {
    private final Blackhole blackhole;

    BlackholeEffects(Blackhole blackhole) {
        this.blackhole = blackhole;
    }

    @Override
    public void send(String to, Message message) {
        blackhole.consume(to);
        blackhole.consume(message);
    }

    @Override
    public void arm(Timer timer, long deadlineMicros) {
        blackhole.consume(timer);
        blackhole.consume(deadlineMicros);
    }

    @Override
    public void cancel(Timer timer) {
        blackhole.consume(timer);
    }
}
