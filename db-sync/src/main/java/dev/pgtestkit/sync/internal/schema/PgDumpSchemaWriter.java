package dev.pgtestkit.sync.internal.schema;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DumpException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code pg_dump} alternative ({@code --schema-writer=pg_dump}): {@code pg_dump --section=pre-data} and
 * {@code --section=post-data} of the snapshot's database, under the snapshot when the connection is in a
 * transaction (its snapshot is exported to pg_dump). Owners are left out; privileges too unless asked for. Tables
 * {@code includeTable} rejects are passed as {@code --exclude-table}: as with pg_dump itself, what depends on them
 * (a view over one) is still written. pg_dump's psql-only {@code \restrict} lines (random keys) are dropped, so the
 * scripts run over JDBC and the same catalog gives the same bytes.
 */
public final class PgDumpSchemaWriter implements SchemaWriter {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");
    /** The first host of a JDBC URL (an IPv6 address in brackets) and its port. */
    private static final Pattern SERVER = Pattern.compile("^jdbc:postgresql://(\\[[^\\]]+\\]|[^/:,?]+)(?::(\\d+))?");
    private static final Pattern RESTRICT = Pattern.compile("(?m)^\\\\(un)?restrict .*\\n");

    private final Path pgDump;
    private final String password;
    private final boolean grants;

    /** The first pg_dump on the PATH, the password from PGPASSWORD/.pgpass, no privileges. */
    public PgDumpSchemaWriter() {
        this(onPath(), null, false);
    }

    /**
     * @param pgDump the pg_dump executable ({@link #onPath()} finds it)
     * @param password the password of the connection's user, or {@code null} to leave it to PGPASSWORD/.pgpass
     * @param grants whether to write privileges
     */
    public PgDumpSchemaWriter(Path pgDump, String password, boolean grants) {
        this.pgDump = pgDump;
        this.password = password;
        this.grants = grants;
    }

    /** The first pg_dump on the PATH (checked when writing: none found is a {@link DumpException} then). */
    public static Path onPath() {
        return onPath(System.getenv("PATH"));
    }

    static Path onPath(String path) {
        for (String dir : (path == null ? "" : path).split(File.pathSeparator, -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "pg_dump"))) {
                return Path.of(dir, "pg_dump");
            }
        }
        return Path.of("pg_dump");
    }

    @Override
    public SchemaScripts write(Connection snapshot, Predicate<QualifiedName> includeTable) throws SQLException {
        int serverMajor = snapshot.getMetaData().getDatabaseMajorVersion();
        int dumpMajor = majorVersion();
        if (dumpMajor != serverMajor) {
            throw new DumpException("pg_dump " + dumpMajor + " (" + pgDump + ") cannot write the schema of this"
                    + " PostgreSQL " + serverMajor + " server: put a pg_dump " + serverMajor
                    + " first on the PATH, or use the built-in schema writer (--schema-writer=builtin)");
        }
        List<String> arguments = connectionArguments(snapshot);
        if (!snapshot.getAutoCommit()) {
            arguments.add("--snapshot=" + single(snapshot, "SELECT pg_export_snapshot()"));
        }
        for (String table : excludedTables(snapshot, includeTable)) {
            arguments.add("--exclude-table=" + table);
        }
        return new SchemaScripts(run(arguments, "pre-data"),
                run(arguments, "post-data") + sequenceValues(snapshot, includeTable));
    }

    private static final String SEQUENCE_VALUES = "SELECT " + CatalogFilters.quoted("n", "c.relname") + """
            , CASE WHEN has_sequence_privilege(c.oid, 'SELECT, USAGE') THEN pg_sequence_last_value(c.oid) END,
                   tn.nspname, t.relname
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid
                 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_class t ON t.oid = d.refobjid
            LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace
            JOIN pg_sequence q ON q.seqrelid = c.oid
            WHERE c.relkind = 'S' AND""" + CatalogFilters.USER_SCHEMA + "AND"
            + CatalogFilters.notInExtension("pg_class", "c.oid") + """
            ORDER BY n.nspname, c.relname""";

    /** pg_dump sets sequences in its data section; the scripts set them at the end of post-data instead. */
    private static String sequenceValues(Connection snapshot, Predicate<QualifiedName> includeTable)
            throws SQLException {
        StringBuilder sql = new StringBuilder();
        try (Statement s = snapshot.createStatement(); ResultSet rs = s.executeQuery(SEQUENCE_VALUES)) {
            while (rs.next()) {
                if (rs.getObject(2) == null) {
                    continue; // never used: as created
                }
                if (rs.getString(3) == null || includeTable.test(QualifiedName.of(rs.getString(3), rs.getString(4)))) {
                    sql.append("\n-- pgtestkit: SEQUENCE SET ").append(rs.getString(1)).append("\nSELECT pg_catalog.setval(")
                            .append(Sql.literal(rs.getString(1))).append(", ").append(rs.getLong(2)).append(", true);\n");
                }
            }
        }
        return sql.toString();
    }

    private int majorVersion() {
        String output = execute(List.of(pgDump.toString(), "--version"));
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw new DumpException("Cannot read the version of " + pgDump + " from: " + output.strip());
        }
        return Integer.parseInt(m.group(1));
    }

    private List<String> connectionArguments(Connection snapshot) throws SQLException {
        String url = snapshot.getMetaData().getURL();
        Matcher server = SERVER.matcher(url);
        if (!server.find()) {
            throw new DumpException("pg_dump needs a jdbc:postgresql://host[:port]/ URL, not " + url);
        }
        List<String> arguments = new ArrayList<>();
        arguments.add(pgDump.toString());
        arguments.add("--host=" + server.group(1).replace("[", "").replace("]", ""));
        arguments.add("--port=" + (server.group(2) == null ? "5432" : server.group(2)));
        arguments.add("--username=" + snapshot.getMetaData().getUserName());
        arguments.add("--dbname=" + single(snapshot, "SELECT current_database()"));
        arguments.add("--no-password");
        arguments.add("--no-owner");
        if (!grants) {
            arguments.add("--no-privileges");
        }
        return arguments;
    }

    private static List<String> excludedTables(Connection snapshot, Predicate<QualifiedName> includeTable)
            throws SQLException {
        List<String> excluded = new ArrayList<>();
        try (Statement s = snapshot.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND""" + CatalogFilters.USER_SCHEMA + """
                ORDER BY 1, 2""")) {
            while (rs.next()) {
                if (!includeTable.test(QualifiedName.of(rs.getString(1), rs.getString(2)))) {
                    // quoted: exact names, no case folding, no wildcards
                    excluded.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
                }
            }
        }
        return excluded;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String run(List<String> arguments, String section) {
        List<String> command = new ArrayList<>(arguments);
        command.add("--section=" + section);
        return RESTRICT.matcher(execute(command)).replaceAll("");
    }

    private String execute(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DumpException("Cannot run " + pgDump + " (" + e.getMessage() + "): install the PostgreSQL"
                    + " client tools of the server's major version, or use the built-in schema writer"
                    + " (--schema-writer=builtin)", e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String output = read(process.getInputStream());
        try {
            int exit = process.waitFor();
            if (exit != 0) {
                throw new DumpException(pgDump + " failed (exit " + exit + "): " + errors.join().strip()
                        + "\ncommand: " + command.stream().collect(Collectors.joining(" ")));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DumpException("Interrupted while " + pgDump + " was running", e);
        }
        return output;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DumpException("Cannot read pg_dump's output: " + e.getMessage(), e);
        }
    }
}
