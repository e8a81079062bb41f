package dev.pgtestkit.core.schema;

/**
 * A sequence.
 *
 * @param name        qualified sequence name
 * @param dataType    smallint, integer or bigint
 * @param start       START value
 * @param increment   INCREMENT
 * @param min         MINVALUE
 * @param max         MAXVALUE
 * @param ownedBy     owning table, or {@code null} for a free-standing sequence
 * @param ownedColumn owning column, or {@code null}
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long min, long max,
                       QualifiedName ownedBy, String ownedColumn) {
}
