package dev.pgtestkit.sync;

import java.util.List;

/**
 * A dump or a database does not hold what the manifest says: a checksum, row count or byte count differs, a file is
 * missing, or a table's data differs. {@link #differences()} lists every difference found, one per table or file.
 */
public class VerificationException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final List<String> differences;

    public VerificationException(String message, List<String> differences) {
        super(message + "\n  " + String.join("\n  ", differences));
        this.differences = List.copyOf(differences);
    }

    /** One line per difference, each naming its table or file. */
    public List<String> differences() {
        return differences;
    }

    @Override
    public int errorCode() {
        return 13;
    }
}
