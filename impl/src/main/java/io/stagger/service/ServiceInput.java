package io.stagger.service;

/** What reaches the service's front door from outside, decoded at the edge into records ({@link FrontDoor#receive}). */
public sealed interface ServiceInput permits ServiceInput.ClientRequest, ServiceInput.Forwarded,
        ServiceInput.ForwardAnswered, ServiceInput.ReplicaMessage, ServiceInput.NameServerAnswered {

    /** A client's request ({@code read}, {@code write}, {@code cas}, or a conference request). */
    record ClientRequest(Request request) implements ServiceInput {}

    /** A request that member {@code from} forwarded to this server ({@code kv_forward}), believing it master. */
    record Forwarded(String from, long msgId, Request request) implements ServiceInput {}

    /**
     * The master's answer to a request this server forwarded ({@code kv_forward_ok}); {@code answer} is null when it
     * held no reply to relay.
     */
    record ForwardAnswered(long inReplyTo, Answer answer) implements ServiceInput {}

    /** A message between replicas ({@code kv_*}, docs/SERVICE.md). */
    record ReplicaMessage(String from, KvMessage message) implements ServiceInput {}

    /** The name server's answer to one of this server's calls. */
    record NameServerAnswered(long inReplyTo, NameServer.Reply reply) implements ServiceInput {}
}
