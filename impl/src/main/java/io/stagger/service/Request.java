package io.stagger.service;

/**
 * A client's request to the service, decoded at the edge: who sent it, its {@code msg_id} (-1 when a forwarded
 * request came without one), its Maelstrom body type (the reply's is {@code type + "_ok"}) and its operation.
 */
public record Request(String client, long msgId, String type, ReplicatedOp op) {}
