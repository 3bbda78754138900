package io.stagger.maelstrom;

/** {@link Clock#system()}: a class rather than a method reference, which would cost its linking in a node's start. */
enum SystemClock implements Clock {
    INSTANCE;

    @Override
    public long nanos() {
        return System.nanoTime();
    }
}
