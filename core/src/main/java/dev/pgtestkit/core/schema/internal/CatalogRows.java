package dev.pgtestkit.core.schema.internal;

import java.util.List;

/** Raw catalog rows, one record per query; linked by oid when the model is assembled. */
public final class CatalogRows {

    private CatalogRows() {
    }

    /**
     * A relation of kind r (ordinary) or p (partitioned); the parent and bound fields are {@code null} unless a
     * partition, the partition key unless partitioned.
     */
    public record TableRow(long oid, String schema, String name, char relkind, boolean partition,
                           String parentSchema, String parentName, String partitionKey, String partitionBound,
                           String partitionConstraint) {
    }

    /** A live column; {@code defaultExpr} holds the generation expression when {@code generated} is 's'. */
    public record ColumnRow(long tableOid, int attnum, String name, long typeOid, int typmod, String display,
                            boolean notNull, char identity, char generated, String defaultExpr) {
    }

    /**
     * A type reachable from a column (directly, or as a domain's base or an array's element), or an enum, domain or
     * composite type declared in a loaded schema ({@code declared}; {@code display} is how it prints).
     */
    public record TypeRow(long oid, String schema, String name, char typtype, char typcategory, int typlen,
                          long baseOid, int baseTypmod, String baseDisplay, long elementOid, boolean notNull,
                          List<String> enumLabels, List<String> checkNames, List<String> checkDefinitions,
                          List<String> checkExpressions, boolean declared, String display) {
    }

    /**
     * A p/u/f/c constraint; {@code keys} and {@code referencedKeys} are attnums in key order. For a foreign key
     * into a schema that was not loaded, {@code referencedNames} holds the referenced columns' names (else empty).
     */
    public record ConstraintRow(long tableOid, String name, char type, List<Integer> keys, long referencedOid,
                                String referencedSchema, String referencedTable, List<Integer> referencedKeys,
                                List<String> referencedNames,
                                char onUpdate, char onDelete, boolean deferrable, boolean deferred,
                                String definition, String expression, boolean nullsNotDistinct) {
    }

    /**
     * An index; {@code keys} are the key columns' attnums, 0 for an expression key, in which case
     * {@code keyTexts} holds every key as printed (else it is empty). {@code constraintBacked}: a p/u/x
     * constraint owns the index.
     */
    public record IndexRow(long tableOid, String name, String method, boolean unique, boolean primary,
                           List<Integer> keys, List<String> keyTexts, String predicate, String definition,
                           boolean nullsNotDistinct, boolean constraintBacked) {
    }

    /** A sequence; the owner fields are {@code null} when no column owns it. */
    public record SequenceRow(String schema, String name, String dataType, long start, long increment, long min,
                              long max, String ownerSchema, String ownerTable, String ownerColumn) {
    }

    /**
     * Everything one load read, and how many statements it took. {@code schemas} are those loaded,
     * {@code allSchemas} every user schema of the database.
     */
    public record Snapshot(List<String> allSchemas, List<String> schemas, List<TableRow> tables, List<ColumnRow> columns,
                           List<TypeRow> types, List<ConstraintRow> constraints, List<IndexRow> indexes,
                           List<SequenceRow> sequences, int queryCount) {

        Snapshot withQueryCount(int count) {
            return new Snapshot(allSchemas, schemas, tables, columns, types, constraints, indexes, sequences, count);
        }
    }
}
