package io.stagger.json;

/** Input that cannot be understood: the text says what is wrong, for a Maelstrom {@code error} body or a log line. */
public final class MalformedInput extends Exception {
    private final int code;

    /** Malformed input with Maelstrom error code {@code code} (12 malformed request, 10 not supported). */
    public MalformedInput(int code, String text) {
        super(text, null, false, false);
        this.code = code;
    }

    /** The Maelstrom error code to answer with. */
    public int code() {
        return code;
    }
}
