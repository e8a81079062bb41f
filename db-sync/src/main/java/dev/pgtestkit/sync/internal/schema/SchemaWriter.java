package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.core.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;

/**
 * Writes a database's definitions as the two scripts of a dump: {@code pre-data} (everything the data's COPY needs)
 * and {@code post-data} (indexes, constraints checked against the data, triggers, ... created after the load).
 *
 * <p>The output is deterministic: the same catalog always gives the same bytes (no timestamps, a fixed order), so
 * a dump diffs well in git. The connection is the dumper's snapshot connection: implementations read the catalog
 * through it and never commit.
 */
public interface SchemaWriter {

    /**
     * Writes the definitions of the tables {@code includeTable} accepts, with everything they depend on.
     *
     * @throws UnsupportedSchemaException when the catalog holds an object this writer cannot write; its message
     *     names the object and the alternative ({@code --schema-writer=pg_dump})
     */
    SchemaScripts write(Connection snapshot, Predicate<QualifiedName> includeTable) throws SQLException;

    /** The two scripts, as UTF-8 text ending in a newline. */
    record SchemaScripts(String preData, String postData) {}
}
