package io.stagger.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stagger.service.Answer;
import io.stagger.service.FrontDoor;
import io.stagger.service.KvMessage;
import io.stagger.service.NameServer;
import io.stagger.service.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The front door's effects as a node's output lines: each is encoded here, at the edge, and written by the node's
 * {@link EnvelopeWriter} with the next of the node's message ids. The retry timer is read by the node's event loop
 * ({@link FrontDoor#retryAtMicros()}).
 */
public final class FrontDoorPort implements FrontDoor.Out {
    private final EnvelopeWriter writer;
    private final String self;
    private final LongSupplier msgIds;
    private final Consumer<String> log;
    private KvMessage lastEncoded;
    private ObjectNode lastEncodedBody;

    /** Writes as {@code self} through {@code writer}, numbering by {@code msgIds}, logging to {@code log}. */
    public FrontDoorPort(EnvelopeWriter writer, String self, LongSupplier msgIds, Consumer<String> log) {
        this.writer = writer;
        this.self = self;
        this.msgIds = msgIds;
        this.log = log;
    }

    @Override
    public void send(String to, KvMessage message) {
        if (message != lastEncoded) { // a message to every member is encoded once (a snapshot can be large)
            lastEncodedBody = Json.NODES.objectNode();
            ServiceCodec.encode(message, lastEncodedBody);
            lastEncoded = message;
        }
        write(to, lastEncodedBody.deepCopy(), EnvelopeWriter.NO_REPLY);
    }

    @Override
    public long forward(String master, Request request) {
        return write(master, FrontDoorCodec.encodeForward(request), EnvelopeWriter.NO_REPLY);
    }

    @Override
    public void answer(FrontDoor.Handle handle, Answer answer) {
        String type = handle.request().type();
        write(handle.replyTo(), handle.forwarded() ? FrontDoorCodec.encodeForwardAnswer(type, answer)
                : FrontDoorCodec.encodeAnswer(type, answer), handle.inReplyTo());
    }

    @Override
    public long callNameServer(NameServer.Call call) {
        return write(NameServer.SERVICE, FrontDoorCodec.encodeNameServerCall(call), EnvelopeWriter.NO_REPLY);
    }

    @Override
    public void armRetry(long deadlineMicros) {
        // the node's event loop waits for the front door's retryAtMicros()
    }

    @Override
    public void log(String text) {
        log.accept(text);
    }

    private long write(String dest, ObjectNode body, long inReplyTo) {
        long msgId = msgIds.getAsLong();
        body.put("msg_id", msgId);
        if (inReplyTo != EnvelopeWriter.NO_REPLY) {
            body.put("in_reply_to", inReplyTo);
        }
        try {
            writer.write(self, dest, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return msgId;
    }
}
