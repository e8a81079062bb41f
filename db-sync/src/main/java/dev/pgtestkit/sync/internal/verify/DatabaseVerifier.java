package dev.pgtestkit.sync.internal.verify;

import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.DumpManifest.FileEntry;
import dev.pgtestkit.sync.DumpManifest.TableEntry;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.SyncException;
import dev.pgtestkit.sync.SyncProgressListener;
import dev.pgtestkit.sync.VerificationException;
import dev.pgtestkit.sync.VerifyResult;
import dev.pgtestkit.sync.internal.CatalogFacts;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Workers;
import dev.pgtestkit.sync.internal.dump.OrderBy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code verify(dir, db)}: for every table, the server hashes its rows as COPY text in the dump's order, in chunks of
 * {@value #CHUNK_ROWS} rows ({@code md5} of each chunk's lines, then {@code md5} of the chunk hashes), and the same
 * hash is computed from the data files; only hashes and counts cross the network. Tables with rows that the dump
 * does not have count as differences too.
 */
public final class DatabaseVerifier {

    static final int CHUNK_ROWS = 10_000;
    private static final long WORK_MEM = 256L << 20;

    private final Path directory;
    private final PgDatabase database;
    private final int jobs;
    private final SyncProgressListener listener;

    public DatabaseVerifier(Path directory, PgDatabase database, int jobs, SyncProgressListener listener) {
        this.directory = directory;
        this.database = database;
        this.jobs = jobs;
        this.listener = listener;
    }

    public VerifyResult verify() {
        long start = System.nanoTime();
        DumpManifest manifest = DumpManifest.read(directory);
        List<String> differences = new ArrayList<>();
        listener.onEvent(new SyncEvent(SyncEvent.Type.PHASE_STARTED, Phase.VERIFY, null, 0, 0, manifest.totalBytes(),
                null));
        try (Workers workers = new Workers(database, Math.max(1, jobs))) {
            CatalogFacts facts;
            boolean utf8;
            try (Connection c = database.connect()) {
                facts = CatalogFacts.read(c);
                differences.addAll(extraTables(c, facts, manifest));
                utf8 = serverEncoding(c).equals("UTF8");
            }
            List<List<String>> results = workers.run(manifest.tables().stream().<Workers.Task<List<String>>>map(
                    t -> c -> check(c, facts, t, utf8)).toList());
            results.forEach(differences::addAll);
        } catch (SQLException e) {
            throw new SyncException("Verifying " + database + " against " + directory + " failed: " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new SyncException("Reading the dump " + directory + " failed: " + e.getMessage(), e);
        }
        if (!differences.isEmpty()) {
            differences.sort(null);
            throw new VerificationException(database + " does not hold the data of the dump at " + directory + " ("
                    + differences.size() + " difference(s)):", differences);
        }
        listener.onEvent(new SyncEvent(SyncEvent.Type.PHASE_FINISHED, Phase.VERIFY, null, manifest.totalRows(),
                manifest.totalBytes(), manifest.totalBytes(), null));
        return new VerifyResult(manifest.tables().stream().map(t -> t.table().toString()).toList(),
                manifest.totalRows(), manifest.totalBytes(), Duration.ofNanos(System.nanoTime() - start));
    }

    private List<String> check(Connection c, CatalogFacts facts, TableEntry t, boolean utf8) throws SQLException, IOException {
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_STARTED, Phase.VERIFY, t.table(), 0, 0, t.bytes(), null));
        String relkind = relkind(c, t.table());
        if (relkind == null) {
            return List.of(t.table() + ": missing from the database");
        }
        // The files are hashed while the server hashes the table.
        java.util.concurrent.FutureTask<String> local = new java.util.concurrent.FutureTask<>(() -> localHash(t));
        Thread hashing = new Thread(local, "pgtestkit-verify-" + t.table());
        hashing.setDaemon(true);
        hashing.start();
        // Sorting the rows into chunks in memory rather than in temporary files (the server's default is 4 MB).
        try (PreparedStatement s = c.prepareStatement("SELECT set_config('work_mem', greatest(pg_size_bytes("
                + "current_setting('work_mem')), " + WORK_MEM + ") / 1024 || 'kB', false)")) {
            s.execute();
        }
        long[] serverRows = new long[1];
        String server;
        try (PreparedStatement s = c.prepareStatement(query(t, relkind.equals("p"), facts.collatable(t.table()),
                facts.plainText(t.table()), utf8))) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                serverRows[0] = rs.getLong(1);
                server = rs.getString(2);
            }
        } catch (SQLException e) {
            return List.of(t.table() + ": cannot be read as the dump has it (" + e.getMessage().strip() + ")");
        }
        String localHash = Workers.await(local);
        listener.onEvent(new SyncEvent(SyncEvent.Type.TABLE_FINISHED, Phase.VERIFY, t.table(), t.rows(), t.bytes(),
                t.bytes(), null));
        if (serverRows[0] != t.rows()) {
            return List.of(t.table() + ": " + serverRows[0] + " rows in the database, " + t.rows() + " in the dump");
        }
        if (!localHash.equals(server)) {
            return List.of(t.table() + ": the rows differ (same count, " + t.rows() + ", different content)");
        }
        return List.of();
    }

    /** The server-side hash: count and md5 of the chunk md5s of the rows' COPY text, in the dump's order. */
    static String query(TableEntry t, boolean partitioned, Set<String> collatable, Set<String> plainText,
                        boolean utf8) {
        String line = t.columns().stream().map(c -> "CASE WHEN t0." + Sessions.quote(c) + " IS NULL THEN '\\N' ELSE "
                + (plainText.contains(c) ? text(c) : escape(text(c))) + " END").collect(Collectors.joining(
                " || E'\\t' || "));
        if (t.columns().isEmpty()) {
            line = "''";
        }
        String order = OrderBy.sql("t0", t.orderBy(), collatable);
        return "SELECT coalesce(sum(n), 0), coalesce(md5(string_agg(h, '' ORDER BY g)), '') FROM (SELECT g, count(*) n,"
                + " md5(" + (utf8 ? "" : "convert_to(") + "string_agg(line, E'\\n' ORDER BY r)" + (utf8 ? "" : ", 'UTF8')")
                + ") h FROM (SELECT (row_number() OVER w - 1) / " + CHUNK_ROWS
                + " AS g, row_number() OVER w AS r, " + line + " AS line FROM " + (partitioned ? "" : "ONLY ")
                + t.table().quoted() + " AS t0 WINDOW w AS (ORDER BY " + order + ")) rows GROUP BY g) chunks";
    }

    /** The column's text as its output function writes it (a cast to text can differ: bool, inet, char(n)). */
    private static String text(String column) {
        return "format('%s', t0." + Sessions.quote(column) + ")";
    }

    /** COPY's text escaping in SQL: backslash first, then the control characters COPY writes as escapes. */
    private static String escape(String expr) {
        String[][] pairs = {{"\\", "\\\\"}, {"\\b", "\\b"}, {"\\f", "\\f"}, {"\\n", "\\n"}, {"\\r", "\\r"},
            {"\\t", "\\t"}, {"\\v", "\\v"}};
        String out = expr;
        for (String[] p : pairs) {
            String from = p[0].equals("\\") ? "'\\'" : "E'" + (p[0].equals("\\v") ? "\\x0b" : p[0]) + "'";
            out = "replace(" + out + ", " + from + ", " + Sessions.literal(p[1]) + ")";
        }
        return out;
    }

    /** The same hash from the data files, read in blocks (a byte at a time through a stream costs seconds per GB). */
    private String localHash(TableEntry t) throws IOException {
        MessageDigest outer = md5();
        MessageDigest chunk = md5();
        long rows = 0;
        boolean any = false;
        boolean separator = false; // a chunk's lines are joined by '\n', written when the next line starts
        byte[] buffer = new byte[1 << 16];
        for (FileEntry f : t.files()) {
            try (InputStream in = Files.newInputStream(directory.resolve(f.path()))) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    any |= n > 0;
                    int from = 0;
                    while (from < n) {
                        if (separator) {
                            chunk.update((byte) '\n');
                            separator = false;
                        }
                        int end = from;
                        while (end < n && buffer[end] != '\n') {
                            end++;
                        }
                        chunk.update(buffer, from, end - from);
                        if (end == n) {
                            break;
                        }
                        rows++;
                        if (rows % CHUNK_ROWS == 0) {
                            outer.update(hex(chunk).getBytes(StandardCharsets.US_ASCII));
                        } else {
                            separator = true;
                        }
                        from = end + 1;
                    }
                }
            }
        }
        if (rows % CHUNK_ROWS != 0) {
            outer.update(hex(chunk).getBytes(StandardCharsets.US_ASCII));
        }
        return any ? hex(outer) : "";
    }

    private static List<String> extraTables(Connection c, CatalogFacts facts, DumpManifest manifest)
            throws SQLException {
        List<String> extra = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
                + " ORDER BY 1, 2"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                QualifiedName name = QualifiedName.of(rs.getString(1), rs.getString(2));
                if (manifest.table(name).isEmpty() && !facts.isExtensionMember(name) && hasRows(c, name)) {
                    extra.add(name + ": has rows in the database but is not in the dump");
                }
            }
        }
        return extra;
    }

    private static boolean hasRows(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + table.quoted() + ")");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The database's encoding: the files are UTF-8, so other encodings are converted before hashing. */
    private static String serverEncoding(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT current_setting('server_encoding')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String relkind(Connection c, QualifiedName table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT relkind::text FROM pg_class WHERE oid = to_regclass(?)")) {
            s.setString(1, table.quoted());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest());
    }
}
