package dev.pgtestkit.core.schema;

/** Kind of relation ({@code pg_class.relkind}, plus {@code relispartition}). */
public enum TableKind {
    /** A plain table. */
    ORDINARY,
    /**
     * A partitioned parent: it holds no rows itself. A partition that is itself partitioned is PARTITIONED,
     * with {@link Table#partitionOf()} naming its parent.
     */
    PARTITIONED,
    /** A partition of a partitioned table; {@link Table#partitionOf()} names the parent. */
    PARTITION
}
