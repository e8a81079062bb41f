package dev.pgtestkit.sync.internal.dump;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.core.schema.Table;
import dev.pgtestkit.sync.DatabaseLocale;
import dev.pgtestkit.sync.DumpException;
import dev.pgtestkit.sync.DumpLayout;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.DumpOptions;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.SchemaWriterKind;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.UnmaskedColumnsException;
import dev.pgtestkit.sync.internal.CatalogFacts;
import dev.pgtestkit.sync.internal.DumpDirectory;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Sha256;
import dev.pgtestkit.sync.internal.Versions;
import dev.pgtestkit.sync.internal.mask.MaskingPlan;
import dev.pgtestkit.sync.internal.mask.SensitiveColumns;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;
import dev.pgtestkit.sync.internal.schema.SchemaWriter.SchemaScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One dump: a REPEATABLE READ snapshot exported by a coordinating connection and shared by {@code jobs} workers; the
 * catalog, masking plan and schema scripts read under it; the tables streamed in parallel (largest first); the
 * manifest written last; the directory published only when complete. Any failure discards the new directory and
 * leaves a previous dump in place.
 */
public final class DumpRun {

    private final PgDatabase source;
    private final Path directory;
    private final DumpOptions options;
    private final SchemaWriter writer;

    public DumpRun(PgDatabase source, Path directory, DumpOptions options) {
        this(source, directory, options, null);
    }

    /** With a given schema writer ({@code null}: the options' kind). */
    public DumpRun(PgDatabase source, Path directory, DumpOptions options, SchemaWriter writer) {
        this.source = source;
        this.directory = directory;
        this.options = options;
        this.writer = writer;
    }

    public DumpManifest run() {
        Path temp;
        try {
            temp = DumpDirectory.prepare(directory);
        } catch (IOException e) {
            throw new DumpException("Cannot prepare the dump directory " + directory + ": " + e.getMessage(), e);
        }
        try (Connection coordinator = source.connect()) {
            DumpManifest manifest = dump(coordinator, temp);
            DumpDirectory.publish(temp, directory);
            return manifest;
        } catch (SQLException e) {
            DumpDirectory.discard(temp);
            throw new DumpException("Dumping " + source + " failed: " + e.getMessage() + " (nothing was written to "
                    + directory + ")", e);
        } catch (IOException e) {
            DumpDirectory.discard(temp);
            throw new DumpException("Writing the dump to " + directory + " failed: " + e
                    + " (the dump directory is unchanged)", e);
        } catch (RuntimeException | Error e) {
            DumpDirectory.discard(temp);
            throw e;
        }
    }

    private DumpManifest dump(Connection coordinator, Path temp) throws SQLException, IOException {
        String serverVersion = queryString(coordinator, "SHOW server_version");
        String systemId = systemIdentifierHash(coordinator);
        Sessions.pin(coordinator);
        beginSnapshot(coordinator);
        String snapshot;
        Instant time;
        try (Statement s = coordinator.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_export_snapshot(), now()")) {
            rs.next();
            snapshot = rs.getString(1);
            time = rs.getObject(2, OffsetDateTime.class).toInstant();
        }
        String database = queryString(coordinator, "SELECT current_database()");
        SchemaRegistry registry = SchemaRegistry.load(coordinator);
        CatalogFacts facts = CatalogFacts.read(coordinator);
        TablePlanner planner = new TablePlanner(registry, facts, options);
        List<TablePlan> plans = planner.plan();
        Set<QualifiedName> dumped = planner.dumped();
        MaskingPlan masking = MaskingPlan.build(options.masking(), options.maskingKey(), registry, dumped);
        failClosed(registry, dumped, masking);

        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_STARTED, Phase.SCHEMA, null, 0, 0, 0, null));
        SchemaScripts scripts = (writer != null ? writer : SchemaWriters.of(options.schemaWriter()))
                .write(coordinator, withPartitions(registry, dumped));
        List<FileEntry> schemaFiles = List.of(writeText(temp, DumpLayout.PRE_DATA, scripts.preData()),
                writeText(temp, DumpLayout.POST_DATA, scripts.postData()));
        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_FINISHED, Phase.SCHEMA, null, 0, 0, 0, null));

        Files.createDirectories(temp.resolve(DumpLayout.DATA));
        long expected = plans.stream().mapToLong(TablePlan::expectedBytes).sum();
        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_STARTED, Phase.DATA, null, 0, 0, expected,
                null));
        List<TableEntry> tables = new ParallelDump(source, snapshot, options.jobs(),
                new TableDumper(temp, options.chunkBytes(), options.listener()), masking).dump(plans);
        long rows = tables.stream().mapToLong(TableEntry::rows).sum();
        long bytes = tables.stream().mapToLong(TableEntry::bytes).sum();
        options.listener().onEvent(new SyncEvent(SyncEvent.Type.PHASE_FINISHED, Phase.DATA, null, rows, bytes,
                expected, null));

        String schemaHash = Sha256.hex((scripts.preData() + "\u0000" + scripts.postData())
                .getBytes(StandardCharsets.UTF_8));
        String policyHash = options.masking().isEmpty() ? null : options.masking().sha256();
        DumpManifest manifest = new DumpManifest(DumpManifest.FORMAT_VERSION, Versions.pgtestkit(), serverVersion,
                database, systemId, time, options.schemaWriter() == SchemaWriterKind.PG_DUMP ? "pg_dump" : "built-in",
                schemaHash, policyHash, contentHash(schemaHash, policyHash, tables),
                schemaFiles, tables, locale(coordinator));
        Files.write(temp.resolve(DumpLayout.MANIFEST), manifest.toJson());
        coordinator.rollback();
        return manifest;
    }

    private void failClosed(SchemaRegistry registry, Set<QualifiedName> dumped, MaskingPlan masking) {
        if (!options.production() || options.allowUnmaskedSensitiveColumns()) {
            return;
        }
        List<String> undecided = SensitiveColumns.undecided(registry, dumped, options.masking(),
                masking.maskedColumns());
        if (!undecided.isEmpty()) {
            throw new UnmaskedColumnsException("Refusing to dump production database '" + source.name() + "': "
                    + undecided.size() + " column(s) look sensitive and the masking policy decides nothing for them:"
                    + "\n  " + String.join("\n  ", undecided) + "\nAdd each to the masking policy (a transform such"
                    + " as email, full_name, hash or null, or keep when it is not sensitive), or pass the explicit"
                    + " override to dump them unmasked.", undecided.stream().map(c -> c.substring(0,
                    c.indexOf(" ("))).toList());
        }
    }

    private static Predicate<QualifiedName> withPartitions(SchemaRegistry registry, Set<QualifiedName> dumped) {
        return name -> {
            for (QualifiedName n = name; n != null; ) {
                if (dumped.contains(n)) {
                    return true;
                }
                QualifiedName current = n;
                n = registry.findTable(current.schema(), current.name()).map(Table::partitionOf).orElse(null);
            }
            return false;
        };
    }

    static void beginSnapshot(Connection connection) throws SQLException {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        connection.setAutoCommit(false);
    }

    private static FileEntry writeText(Path temp, String path, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Path file = temp.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return new FileEntry(path, 0, bytes.length, Sha256.hex(bytes));
    }

    private static String contentHash(String schemaHash, String policyHash, List<TableEntry> tables) {
        StringBuilder text = new StringBuilder("format ").append(DumpManifest.FORMAT_VERSION).append("\nschema ")
                .append(schemaHash).append("\nmasking ").append(policyHash).append('\n');
        tables.stream().sorted(Comparator.comparing(TableEntry::table)).forEach(t -> text.append(t.table())
                .append(' ').append(t.rows()).append(' ').append(t.sha256()).append(' ').append(t.where())
                .append(' ').append(t.columns()).append('\n'));
        return Sha256.hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The database's encoding and locale (the provider's columns differ between versions: read through jsonb). */
    private static DatabaseLocale locale(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT"
                + " pg_encoding_to_char(d.encoding), d.datcollate, d.datctype, to_jsonb(d) ->> 'datlocprovider',"
                + " coalesce(to_jsonb(d) ->> 'datlocale', to_jsonb(d) ->> 'daticulocale') FROM pg_database d"
                + " WHERE d.datname = current_database()")) {
            rs.next();
            String provider = switch (String.valueOf(rs.getString(4))) {
                case "i" -> "icu";
                case "b" -> "builtin";
                default -> "libc";
            };
            return new DatabaseLocale(rs.getString(1), rs.getString(2), rs.getString(3), provider,
                    provider.equals("libc") ? null : rs.getString(5));
        }
    }

    private static String systemIdentifierHash(Connection connection) {
        try {
            String id = queryString(connection, "SELECT system_identifier::text FROM pg_control_system()");
            return Sha256.hex(("pgtestkit:" + id).getBytes(StandardCharsets.UTF_8));
        } catch (SQLException e) {
            return null; // pg_control_system() may be denied to the dumping role; the hash is informational
        }
    }

    static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
