package dev.pgtestkit.sync;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.schema.QualifiedName;
import dev.pgtestkit.sync.internal.dump.DumpRun;
import dev.pgtestkit.sync.internal.schema.SchemaWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/** Databases and helpers for db-sync's integration tests: one server per JVM, databases cloned from empty. */
final class SyncTestSupport {

    static final PostgresServer SERVER = PostgresProvider.auto().shared();

    private SyncTestSupport() {
    }

    /**
     * Writes a password file for {@link #SERVER} ({@code host:port:*:user:password}, readable by its owner only), the
     * way a user gives the password to a second process ({@code PGPASSFILE}, or {@code .pgpass} in its home): the
     * embedded server has a password of its own, which jdbcUrl() never carries. Writes nothing (and returns false)
     * when the server needs none.
     */
    static boolean writePasswordFile(Path file) {
        try {
            String password = SERVER.dataSource(SERVER.adminDatabase()).unwrap(PGSimpleDataSource.class).getPassword();
            if (password == null) {
                return false;
            }
            URI uri = URI.create(SERVER.jdbcUrl(SERVER.adminDatabase()).substring("jdbc:".length()));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(file, uri.getHost() + ":" + uri.getPort() + ":*:" + SERVER.user() + ":"
                    + password.replace("\\", "\\\\").replace(":", "\\:") + "\n", StandardCharsets.UTF_8);
            return true;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not write the test server's password file: " + e.getMessage(), e);
        }
    }

    /** An empty database with {@code sql} applied. */
    static DisposableDatabase database(String... sql) {
        DisposableDatabase db = DatabaseTemplate.empty(SERVER).checkout();
        execute(db.connect(), sql);
        return db;
    }

    static PgDatabase pg(DisposableDatabase db) {
        return PgDatabase.of(SERVER, db.name());
    }

    static void execute(Connection connection, String... sql) {
        try (Connection c = connection; Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static List<List<String>> rows(PgDatabase db, String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static String text(PgDatabase db, String sql) {
        return rows(db, sql).get(0).get(0);
    }

    /**
     * A schema writer that writes fixed scripts (the data path's tests, independent of the DDL writer): what the
     * test created, as SQL.
     */
    static SchemaWriter fixedSchema(String preData, String postData) {
        return (Connection snapshot, Predicate<QualifiedName> include) ->
                new SchemaWriter.SchemaScripts(preData, postData);
    }

    static DumpManifest dump(PgDatabase source, Path dir, DumpOptions options, SchemaWriter writer) {
        return new DumpRun(source, dir, options, writer).run();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir}, relative, sorted. */
    static List<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names in {@code dir}'s parent that start with "." and the directory's name: temp/aside leftovers. */
    static List<String> leftovers(Path dir) {
        try (Stream<Path> list = Files.list(dir.getParent())) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("." + dir.getFileName() + "."))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
