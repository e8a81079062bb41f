package dev.pgtestkit.sync;

import java.util.List;

/**
 * Fail closed: a database whose role is production holds columns that look sensitive (email, name, phone, address,
 * password, token, secret, key, ip, ...) and the masking policy decides nothing for them. {@link #columns()} lists
 * them as {@code schema.table.column}; add each to the policy (a transform, or {@code keep}), or pass the explicit
 * override.
 */
public class UnmaskedColumnsException extends MaskingException {

    private static final long serialVersionUID = 1L;

    private final List<String> columns;

    public UnmaskedColumnsException(String message, List<String> columns) {
        super(message);
        this.columns = List.copyOf(columns);
    }

    /** The undecided sensitive-looking columns, {@code schema.table.column}, sorted. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public int errorCode() {
        return 16;
    }
}
