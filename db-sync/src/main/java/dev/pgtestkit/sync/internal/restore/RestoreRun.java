package dev.pgtestkit.sync.internal.restore;

import dev.pgtestkit.core.ConnectionException;
import dev.pgtestkit.sync.ConcurrentRestoreException;
import dev.pgtestkit.sync.DatabaseLocale;
import dev.pgtestkit.sync.DumpManifest;
import dev.pgtestkit.sync.PgDatabase;
import dev.pgtestkit.sync.ProductionDatabaseException;
import dev.pgtestkit.sync.RestoreException;
import dev.pgtestkit.sync.RestoreOptions;
import dev.pgtestkit.sync.RestoreResult;
import dev.pgtestkit.sync.Restorer;
import dev.pgtestkit.sync.SyncEvent;
import dev.pgtestkit.sync.SyncEvent.Phase;
import dev.pgtestkit.sync.internal.Sessions;
import dev.pgtestkit.sync.internal.Sha256;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One restore. The target is not touched until the shadow database beside it is complete and verified; then, with
 * new connections to the target refused, its sessions reported (or terminated on request), it is renamed aside, the
 * shadow renamed into its place, and the old one dropped (or kept). Every failure before the swap drops the shadow;
 * shadows a killed run left are dropped by the next restore of that target, which holds its advisory lock.
 */
public final class RestoreRun {

    private final Path directory;
    private final PgDatabase target;
    private final RestoreOptions options;
    private final long start = System.nanoTime();

    public RestoreRun(Path directory, PgDatabase target, RestoreOptions options) {
        this.directory = directory;
        this.target = target;
        this.options = options;
    }

    /** Loads into an existing empty database, in place. */
    public RestoreResult loadInPlace() {
        DumpManifest manifest = DumpManifest.read(directory);
        try {
            long bytes = new Loader(directory, manifest, options.jobs(), options.listener()).load(target);
            return result(manifest, bytes, null, List.of());
        } catch (SQLException | IOException e) {
            throw new RestoreException("Loading " + directory + " into " + target + " failed: " + e.getMessage(), e);
        }
    }

    public RestoreResult restore() {
        DumpManifest manifest = DumpManifest.read(directory);
        try (Connection admin = admin()) {
            lock(admin);
            Catalog.DatabaseInfo existing = Catalog.database(admin, target.name());
            existing = Swap.recoverInterruptedSwap(admin, target.name(), tag(), existing, options.listener());
            refuseProduction(existing);
            dropLeftoverShadows(admin);
            String shadow = Restorer.SHADOW_PREFIX + tag() + "_" + UUID.randomUUID().toString().substring(0, 8);
            createShadow(admin, shadow, manifest.sourceLocale());
            boolean swapped = false;
            try {
                Sessions.execute(admin, "COMMENT ON DATABASE " + Sessions.quote(shadow) + " IS "
                        + Sessions.literal("pgtestkit shadow of " + target.name() + ": dropped unless a restore"
                        + " completes"));
                long bytes = new Loader(directory, manifest, options.jobs(), options.listener())
                        .load(target.sibling(shadow));
                Swap swap = new Swap(admin, target.name(), tag(), shadow, existing, options);
                RestoreResult result = swap.run(manifest, bytes, this);
                swapped = true;
                return result;
            } finally {
                if (!swapped) {
                    dropQuietly(admin, shadow);
                }
            }
        } catch (SQLException e) {
            throw new RestoreException("Restoring " + directory + " into " + target + " failed: " + e.getMessage()
                    + ". The target is unchanged.", e);
        } catch (IOException e) {
            throw new RestoreException("Reading the dump " + directory + " failed: " + e.getMessage()
                    + ". The target is unchanged.", e);
        }
    }

    /** The shadow database, with the dump source's encoding and locale unless the options say otherwise. */
    private void createShadow(Connection admin, String shadow, DatabaseLocale locale) throws SQLException {
        if (locale == null || options.serverLocale()) {
            Sessions.execute(admin, "CREATE DATABASE " + Sessions.quote(shadow) + " TEMPLATE template0");
            return;
        }
        StringBuilder sql = new StringBuilder("CREATE DATABASE " + Sessions.quote(shadow) + " TEMPLATE template0"
                + " ENCODING " + Sessions.literal(locale.encoding()) + " LC_COLLATE " + Sessions.literal(locale.collate())
                + " LC_CTYPE " + Sessions.literal(locale.ctype()));
        if (serverVersion(admin) >= 150000) {
            sql.append(" LOCALE_PROVIDER ").append(locale.provider());
            if (locale.provider().equals("icu")) {
                sql.append(" ICU_LOCALE ").append(Sessions.literal(locale.locale()));
            } else if (locale.provider().equals("builtin")) {
                sql.append(" BUILTIN_LOCALE ").append(Sessions.literal(locale.locale()));
            }
        }
        try {
            Sessions.execute(admin, sql.toString());
        } catch (SQLException e) {
            throw new RestoreException("Cannot create the database to restore " + directory + " into with its"
                    + " source's " + locale + ": " + e.getMessage().strip() + ". Install that locale on the server of "
                    + target + " (locale -a lists what it has), or restore with the server's default encoding and"
                    + " locale (RestoreOptions.serverLocale(true)). The target is unchanged.", e);
        }
    }

    private static int serverVersion(Connection admin) throws SQLException {
        try (PreparedStatement s = admin.prepareStatement("SELECT current_setting('server_version_num')::int");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    RestoreResult result(DumpManifest manifest, long bytes, String old, List<String> sessions) {
        return new RestoreResult(target.name(), manifest, manifest.totalRows(), bytes,
                Duration.ofNanos(System.nanoTime() - start), old, sessions);
    }

    private Connection admin() {
        ConnectionException first = null;
        for (String name : List.of("postgres", "template1")) {
            try {
                Connection c = target.sibling(name).connect();
                Sessions.pin(c);
                return c;
            } catch (ConnectionException e) {
                first = first == null ? e : first;
            } catch (SQLException e) {
                throw new RestoreException("Cannot prepare the maintenance connection: " + e.getMessage(), e);
            }
        }
        throw new RestoreException("A restore creates its shadow database from a maintenance database (postgres or"
                + " template1) on the target's server, and neither accepts a connection: " + first.getMessage(),
                first);
    }

    private void lock(Connection admin) throws SQLException {
        long key = ByteBuffer.wrap(Sha256.digest().digest(("pgtestkit restore " + target.name())
                .getBytes(StandardCharsets.UTF_8))).getLong();
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new ConcurrentRestoreException("Another restore of database '" + target.name() + "' is"
                            + " running (it holds advisory lock " + key + "); wait for it to finish.");
                }
            }
        }
    }

    private void refuseProduction(Catalog.DatabaseInfo existing) {
        boolean marked = existing != null && existing.comment() != null
                && existing.comment().contains(Restorer.PRODUCTION_MARKER);
        if ((options.production() || marked) && !options.allowProduction()) {
            throw new ProductionDatabaseException("Refusing to restore over database '" + target.name() + "': it is"
                    + " marked as production (" + (marked ? "its comment holds '" + Restorer.PRODUCTION_MARKER + "'"
                    : "by the configuration") + "). Restore into another database, or pass the explicit flag"
                    + " (--force-production / allowProduction) if replacing it is really intended.");
        }
    }

    private void dropLeftoverShadows(Connection admin) throws SQLException {
        for (String leftover : Catalog.databases(admin, Restorer.SHADOW_PREFIX + tag() + "_")) {
            options.listener().onEvent(SyncEvent.notice(Phase.CLEANUP, "Dropping " + leftover + ", the shadow"
                    + " database an interrupted restore of " + target.name() + " left behind"));
            Catalog.terminateSessions(admin, leftover);
            Sessions.execute(admin, "DROP DATABASE IF EXISTS " + Sessions.quote(leftover));
        }
    }

    private static void dropQuietly(Connection admin, String shadow) {
        try {
            Catalog.terminateSessions(admin, shadow);
            Sessions.execute(admin, "DROP DATABASE IF EXISTS " + Sessions.quote(shadow));
        } catch (SQLException e) {
            // left for the next restore of this target, which drops shadows by name
        }
    }

    /** A short, stable tag of the target's name: shadow names stay under 63 bytes and name their target. */
    private String tag() {
        return HexFormat.of().formatHex(Sha256.digest().digest(target.name().getBytes(StandardCharsets.UTF_8)), 0,
                5);
    }
}
