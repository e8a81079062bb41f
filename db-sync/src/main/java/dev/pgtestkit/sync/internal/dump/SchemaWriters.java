package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.sync.DumpException;
import dev.pgtestkit.sync.SchemaWriterKind;
import dev.pgtestkit.sync.internal.schema.CatalogSchemaWriter;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;

/** The {@link SchemaWriter} of each {@link SchemaWriterKind}. */
public final class SchemaWriters {

    private static final String PG_DUMP = "dev.pgtestkit.sync.internal.schema.PgDumpSchemaWriter";

    private SchemaWriters() {
    }

    public static SchemaWriter of(SchemaWriterKind kind) {
        if (kind == SchemaWriterKind.BUILT_IN) {
            return new CatalogSchemaWriter();
        }
        String name = PG_DUMP;
        try {
            return Class.forName(name).asSubclass(SchemaWriter.class).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new DumpException("The " + kind + " schema writer is not available in this build (" + name + ")",
                    e);
        }
    }
}
