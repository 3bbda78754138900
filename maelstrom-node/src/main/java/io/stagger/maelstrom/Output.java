package io.stagger.maelstrom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Where a node's messages go, one JSON line each, buffered until {@link #flush}. {@link #of} writes through Jackson's
 * mapper; a node with a faster writer of its own gives it to the {@link Node} and writes its hot messages through it
 * too, with msg_ids from {@link Node#takeMsgId}, so that one stream carries them in order.
 */
public interface Output {
    /** Writes the envelope {@code {"src", "dest", "body"}}; {@code body} already holds its msg_id. */
    void write(String src, String dest, ObjectNode body) throws IOException;

    /** Writes out everything written so far. */
    void flush() throws IOException;

    /** Lines written to {@code out} by {@link Json#mapper()}, through a 64 KiB buffer. */
    static Output of(OutputStream out) {
        BufferedOutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        return new Output() {
            @Override
            public void write(String src, String dest, ObjectNode body) throws IOException {
                buffered.write(Json.mapper().writeValueAsBytes(new Message(src, dest, body).toJson()));
                buffered.write('\n');
            }

            @Override
            public void flush() throws IOException {
                buffered.flush();
            }
        };
    }
}
