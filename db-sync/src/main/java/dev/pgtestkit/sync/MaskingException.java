package dev.pgtestkit.sync;

/** A masking policy or key is unusable (unknown column or transform, a transform the column's type cannot take, no key). */
public class MaskingException extends SyncException {

    private static final long serialVersionUID = 1L;

    public MaskingException(String message) {
        super(message);
    }

    public MaskingException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int errorCode() {
        return 15;
    }
}
