package io.stagger.service;

/**
 * The answer to a client's request: its outcome, and the server that applied it when the reply names it (a conference
 * reply's {@code served_by}), else null.
 */
public record Answer(KvResult result, String servedBy) {}
