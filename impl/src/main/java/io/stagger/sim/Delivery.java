package io.stagger.sim;

import io.stagger.core.Message;

/** A message in flight from server index {@code from}. */
record Delivery(int from, Message message) {}
