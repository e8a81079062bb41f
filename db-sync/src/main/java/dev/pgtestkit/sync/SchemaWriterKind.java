package dev.pgtestkit.sync;

/** What writes a dump's schema scripts. */
public enum SchemaWriterKind {
    /** pgtestkit's own writer, from the catalog: works everywhere, including the embedded server. The default. */
    BUILT_IN,
    /** {@code pg_dump --schema-only} of a major version compatible with the server, found on the PATH. */
    PG_DUMP
}
