package dev.pgtestkit.core.schema;

/**
 * A table column.
 *
 * @param name          column name as stored
 * @param ordinal       1-based position ({@code attnum}); dropped columns are skipped, so gaps are possible
 * @param type          the data type
 * @param notNull       whether the column itself is NOT NULL (a NOT NULL domain is on {@link PgType#domainNotNull()})
 * @param defaultExpr   default expression text, or {@code null}; for identity and generated columns {@code null}
 * @param identity      identity kind
 * @param generatedExpr expression of a {@code GENERATED ALWAYS AS (...) STORED} column, or {@code null}
 * @param length        character length limit for char/varchar (and bit), or {@code null}; for a domain the
 *                      domain's own modifier counts, for an array its element's ({@code varchar(10)[]}: 10)
 * @param precision     numeric precision (digits), or for time/timestamp/interval the fractional-second digits;
 *                      {@code null} when unconstrained
 * @param scale         numeric scale (negative allowed since Postgres 15), or {@code null}
 * @param sequence      the sequence owned by this column (serial or identity), or {@code null}
 */
public record Column(String name, int ordinal, PgType type, boolean notNull, String defaultExpr,
                     Identity identity, String generatedExpr, Integer length, Integer precision, Integer scale,
                     QualifiedName sequence) {

    /** True for generated (stored) columns: they can never be written. */
    public boolean isGenerated() {
        return generatedExpr != null;
    }

    /** True when an INSERT may leave this column out and still succeed (default, identity, generated, nullable). */
    public boolean isOptionalOnInsert() {
        return !notNull || defaultExpr != null || identity != Identity.NONE || isGenerated();
    }
}
