package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.sync.SchemaWriterKind;
import dev.pgtestkit.sync.internal.schema.CatalogSchemaWriter;
import dev.pgtestkit.sync.internal.schema.PgDumpSchemaWriter;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;

/** The {@link SchemaWriter} of each {@link SchemaWriterKind}. */
public final class SchemaWriters {

    private SchemaWriters() {
    }

    /** The writer; pg_dump takes its password from PGPASSWORD or the password file, as it does on its own. */
    public static SchemaWriter of(SchemaWriterKind kind) {
        return kind == SchemaWriterKind.PG_DUMP ? new PgDumpSchemaWriter(PgDumpSchemaWriter.onPath(), null, false)
                : new CatalogSchemaWriter();
    }
}
