package io.stagger.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value as TLC prints it in a trace: numbers, strings, booleans, tuples {@code <<..>>}, sets {@code {..}} and
 * records {@code [f |-> v]} and intervals {@code a..b} (read as sets); enough to read the spec's variables back.
 */
public sealed interface TlaValue {
    /** An integer. */
    record Int(long value) implements TlaValue {
    }

    /** A string or a boolean or any other bare word, kept as text. */
    record Atom(String text) implements TlaValue {
    }

    /** A tuple (also every function over 1..N). */
    record Tuple(List<TlaValue> items) implements TlaValue {
    }

    /** A finite set, in TLC's order. */
    record SetOf(List<TlaValue> items) implements TlaValue {
    }

    /** A record. */
    record Rec(Map<String, TlaValue> fields) implements TlaValue {
    }

    /** The integer of an {@link Int}. */
    default long asLong() {
        if (this instanceof Int number) {
            return number.value();
        }
        throw new IllegalStateException("not a number: " + this);
    }

    /** The text of an {@link Atom} (strings without quotes), or of a number. */
    default String asText() {
        if (this instanceof Atom atom) {
            return atom.text();
        }
        if (this instanceof Int number) {
            return Long.toString(number.value());
        }
        throw new IllegalStateException("not an atom: " + this);
    }

    /** The elements of a tuple or a set. */
    default List<TlaValue> items() {
        if (this instanceof Tuple tuple) {
            return tuple.items();
        }
        if (this instanceof SetOf set) {
            return set.items();
        }
        throw new IllegalStateException("not a tuple or set: " + this);
    }

    /** A field of a record. */
    default TlaValue field(String name) {
        if (this instanceof Rec rec && rec.fields().containsKey(name)) {
            return rec.fields().get(name);
        }
        throw new IllegalStateException("no field " + name + " in " + this);
    }

    /** Parses one value as TLC prints it. */
    static TlaValue parse(String text) {
        Reader reader = new Reader(text);
        TlaValue value = reader.value();
        reader.skipSpace();
        if (!reader.atEnd()) {
            throw new IllegalArgumentException("trailing text in TLC value at " + reader.pos + ": " + text);
        }
        return value;
    }

    /** A recursive-descent reader over TLC's value syntax. */
    final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        void skipSpace() {
            while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private boolean take(String token) {
            skipSpace();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        private void expect(String token) {
            if (!take(token)) {
                throw new IllegalArgumentException("expected '" + token + "' at " + pos + " in: " + text);
            }
        }

        TlaValue value() {
            skipSpace();
            if (take("<<")) {
                return new Tuple(items(">>"));
            }
            if (take("{")) {
                return new SetOf(items("}"));
            }
            if (take("[")) {
                return record();
            }
            if (take("\"")) {
                int end = text.indexOf('"', pos);
                String string = text.substring(pos, end);
                pos = end + 1;
                return new Atom(string);
            }
            int start = pos;
            if (!atEnd() && text.charAt(pos) == '-') {
                pos++;
            }
            while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.isEmpty()) {
                throw new IllegalArgumentException("unexpected character at " + pos + " in: " + text);
            }
            if (!word.matches("-?\\d+")) {
                return new Atom(word);
            }
            long number = Long.parseLong(word);
            if (take("..")) { // an interval a..b, as TLC prints a set of consecutive integers
                long last = value().asLong();
                List<TlaValue> range = new ArrayList<>();
                for (long k = number; k <= last; k++) {
                    range.add(new Int(k));
                }
                return new SetOf(range);
            }
            return new Int(number);
        }

        private List<TlaValue> items(String close) {
            List<TlaValue> items = new ArrayList<>();
            if (take(close)) {
                return items;
            }
            do {
                items.add(value());
            } while (take(","));
            expect(close);
            return items;
        }

        private TlaValue record() {
            Map<String, TlaValue> fields = new LinkedHashMap<>();
            do {
                skipSpace();
                int start = pos;
                while (!atEnd() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                    pos++;
                }
                String name = text.substring(start, pos);
                expect("|->");
                fields.put(name, value());
            } while (take(","));
            expect("]");
            return new Rec(fields);
        }
    }
}
