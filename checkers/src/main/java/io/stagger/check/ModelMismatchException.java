package io.stagger.check;

/**
 * A history that does not fit its checker's model: an operation the model cannot read (another f, a value of the
 * wrong shape, a repeated value the model takes as unique). Names the operation by its index in the history, so that
 * a reader of a file can name its line; an index below 0 names no one operation.
 */
public final class ModelMismatchException extends IllegalArgumentException {
    private final int opIndex;

    public ModelMismatchException(int opIndex, String message) {
        super(opIndex >= 0 ? "operation " + opIndex + ": " + message : message);
        this.opIndex = opIndex;
    }

    /** The index of the operation in the history (Op.index), or below 0 for none. */
    public int opIndex() {
        return opIndex;
    }
}
