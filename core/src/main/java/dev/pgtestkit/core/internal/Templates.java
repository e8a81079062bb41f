package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pgtestkit's template databases on a server and when each was last used, kept in the database's comment (readable
 * from any database of the cluster, and the template itself refuses connections). A template whose sources changed
 * is never used again: once unused for the grace period, the next template build drops it.
 */
public final class Templates {

    /** Default grace period; {@code -Dpgtestkit.templateGrace=P2D} (ISO-8601) changes it. */
    public static final Duration DEFAULT_GRACE = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    private static final String COMMENT_PREFIX = "pgtestkit template, last used ";
    private static final String PREFIX = PostgresServer.DATABASE_PREFIX + "tpl_";

    private Templates() {
    }

    /** The grace period of this JVM: the system property, else {@link #DEFAULT_GRACE}. */
    public static Duration grace() {
        String value = System.getProperty("pgtestkit.templateGrace");
        if (value == null || value.isBlank()) {
            return DEFAULT_GRACE;
        }
        try {
            return Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pgtestkit.templateGrace must be an ISO-8601 duration such as P7D or "
                    + "PT12H, was '" + value + "'", e);
        }
    }

    /** Records that the template is used now; templates without the record get it too (their grace starts now). */
    static void touch(Connection admin, String template) throws SQLException {
        comment(admin, template, Instant.now());
        try (PreparedStatement ps = admin.prepareStatement("SELECT datname FROM pg_database WHERE datistemplate"
                + " AND starts_with(datname, ?) AND coalesce(shobj_description(oid, 'pg_database'), '') NOT LIKE ?")) {
            ps.setString(1, PREFIX);
            ps.setString(2, COMMENT_PREFIX + "%");
            List<String> unrecorded = new ArrayList<>();
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    unrecorded.add(rows.getString(1));
                }
            }
            for (String name : unrecorded) {
                comment(admin, name, Instant.now());
            }
        }
    }

    /**
     * Drops pgtestkit's template databases not used for {@code unusedFor} or longer (all of them for
     * {@link Duration#ZERO}) except {@code keep}; returns their names. A template being cloned right now is left.
     */
    public static List<String> dropUnused(PostgresServer server, Duration unusedFor, String keep) {
        try (Connection admin = server.connect(server.adminDatabase())) {
            admin.setAutoCommit(true);
            Instant cutoff = Instant.now().minus(unusedFor);
            List<String> dropped = new ArrayList<>();
            for (Map.Entry<String, Instant> template : lastUsed(admin).entrySet()) {
                if (template.getKey().equals(keep) || template.getValue().isAfter(cutoff)) {
                    continue;
                }
                try {
                    TemplateBuilder.dropTemplate(server, admin, template.getKey());
                    dropped.add(template.getKey());
                } catch (SQLException | RuntimeException e) {
                    LOG.debug("Could not drop template {}: {}", template.getKey(), e.getMessage());
                }
            }
            if (!dropped.isEmpty()) {
                LOG.info("Dropped {} pgtestkit template database(s) unused for {} or longer: {}", dropped.size(),
                        unusedFor, dropped);
            }
            return dropped;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list pgtestkit's templates on " + server.description() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Finished templates and when they were last used (now, for one without a record). */
    private static Map<String, Instant> lastUsed(Connection admin) throws SQLException {
        Map<String, Instant> templates = new LinkedHashMap<>();
        try (PreparedStatement ps = admin.prepareStatement("SELECT datname, shobj_description(oid, 'pg_database')"
                + " FROM pg_database WHERE datistemplate AND starts_with(datname, ?) ORDER BY datname")) {
            ps.setString(1, PREFIX);
            try (ResultSet rows = ps.executeQuery()) {
                while (rows.next()) {
                    templates.put(rows.getString(1), parse(rows.getString(2)));
                }
            }
        }
        return templates;
    }

    private static Instant parse(String comment) {
        if (comment != null && comment.startsWith(COMMENT_PREFIX)) {
            try {
                return Instant.parse(comment.substring(COMMENT_PREFIX.length()));
            } catch (DateTimeParseException e) {
                return Instant.now();
            }
        }
        return Instant.now();
    }

    private static void comment(Connection admin, String template, Instant when) throws SQLException {
        TemplateBuilder.execute(admin, "COMMENT ON DATABASE " + dev.pgtestkit.core.sql.Identifiers.quote(template)
                + " IS '" + COMMENT_PREFIX + when + "'");
    }
}
