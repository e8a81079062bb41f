/**
 * The schema registry, public: {@link dev.pgtestkit.core.schema.SchemaRegistry} reads a database's catalog in a
 * fixed number of queries into an immutable model (tables, columns, types, keys, checks, indexes, sequences,
 * partitions, insertion order with foreign-key cycles explained) with forgiving name lookup. Implementation in
 * {@code core.schema.internal}, which is not API.
 */
package dev.pgtestkit.core.schema;
