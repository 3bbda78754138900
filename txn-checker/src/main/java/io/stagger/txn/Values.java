package io.stagger.txn;

/** How values read and written are shown in explanations. */
final class Values {
    private Values() {}

    static String listText(long[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(values[i]);
        }
        return text.append(']').toString();
    }

    /** A register read: nil or the value. */
    static String registerText(long[] values) {
        return values.length == 0 ? "nil" : Long.toString(values[0]);
    }
}
