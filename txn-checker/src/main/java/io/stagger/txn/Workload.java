package io.stagger.txn;

/** The two data models of Maelstrom's transactional workloads. */
public enum Workload {
    /** {@code txn-list-append}: reads return lists, writes append a unique element. */
    LIST_APPEND("list-append"),
    /** {@code txn-rw-register}: reads return a value or nil, writes set a unique value. */
    RW_REGISTER("rw-register");

    private final String text;

    Workload(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Workload parse(String text) {
        for (Workload workload : values()) {
            if (workload.text.equals(text) || ("txn-" + workload.text).equals(text)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + text + "' (list-append or rw-register)");
    }
}
