package io.stagger.check;

import java.util.Map;

/**
 * One state of a TLC trace: the action that led to it, as TLC labels it, and the spec's variables.
 *
 * @param number TLC's state number, from 1
 * @param action the action's name (the spec's operator), or "Init"
 * @param variables the variables by name
 */
public record TraceState(int number, String action, Map<String, TlaValue> variables) {
    /** A variable's value. */
    public TlaValue get(String name) {
        TlaValue value = variables.get(name);
        if (value == null) {
            throw new IllegalStateException("state " + number + " has no variable " + name);
        }
        return value;
    }
}
