package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.ServerChecks;
import dev.pgtestkit.core.internal.ServerSpec;
import dev.pgtestkit.core.internal.SharedServers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * An existing server named by a JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}.
 * pgtestkit creates its throwaway databases there (names start with {@code pgtestkit_}) and drops them; it never
 * touches any other database. The URL's database is used for administrative statements only.
 */
public final class UrlProvider implements PostgresProvider {

    private static final Set<String> PARSED_KEYS = Set.of("PGHOST", "PGPORT", "PGDBNAME", "user", "password");

    private final String url;
    private final ServerSpec spec;

    UrlProvider(String url) {
        this(url, ServerSpec.DEFAULT);
    }

    /** A provider that checks, once connected, that the server has the version and settings asked for. */
    UrlProvider(String url, ServerSpec spec) {
        this.url = url;
        this.spec = spec;
    }

    @Override
    public String name() {
        return "url";
    }

    /** The URL with any password replaced by {@code ***}, fit for logs and messages. */
    public String redactedUrl() {
        return redact(url);
    }

    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                .replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
    }

    @Override
    public PostgresServer start() {
        JdbcServer.Endpoint endpoint = parse(url);
        JdbcServer server = new JdbcServer(name(), endpoint, true, () -> { });
        try {
            ServerChecks.requireSpec(server, spec, "the server at " + redactedUrl());
            ServerChecks.requireSettings(server, spec.settings(), "the server at " + redactedUrl());
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("url " + url + " " + spec.key(), this::start);
    }

    /** The first of a comma-separated list (PgJDBC's fail-over hosts and ports): pgtestkit uses one server. */
    private static String firstOf(String list) {
        int comma = list.indexOf(',');
        return comma < 0 ? list : list.substring(0, comma);
    }

    /** {@code user:password@} in the authority, which PgJDBC would take for part of the host name. */
    private static final java.util.regex.Pattern USER_INFO = java.util.regex.Pattern.compile(
            "^(jdbc:postgresql://)([^/?#@]*)@(.*)$", java.util.regex.Pattern.CASE_INSENSITIVE);

    static JdbcServer.Endpoint parse(String url) {
        java.util.regex.Matcher userInfo = url == null ? null : USER_INFO.matcher(url);
        String infoUser = null;
        String infoPassword = null;
        if (userInfo != null && userInfo.matches()) {
            String[] parts = userInfo.group(2).split(":", 2);
            infoUser = java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8);
            infoPassword = parts.length > 1 ? java.net.URLDecoder.decode(parts[1],
                    java.nio.charset.StandardCharsets.UTF_8) : null;
            url = userInfo.group(1) + userInfo.group(3); // the driver never sees the password in a host name
        }
        Properties props = url == null ? null : Driver.parseURL(url, null);
        if (props == null) {
            throw new ProvisioningException("Not a PostgreSQL JDBC URL: '" + redact(url) + "'. Expected e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", null);
        }
        String host = firstOf(props.getProperty("PGHOST", "localhost"));
        int port = Integer.parseInt(firstOf(props.getProperty("PGPORT", "5432")));
        String database = props.getProperty("PGDBNAME", "postgres");
        String user = infoUser != null && !infoUser.isEmpty() ? infoUser
                : props.getProperty("user", System.getProperty("user.name"));
        Map<String, String> params = new LinkedHashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (!PARSED_KEYS.contains(key)) {
                params.put(key, props.getProperty(key));
            }
        }
        String password = infoPassword != null ? infoPassword : props.getProperty("password");
        return new JdbcServer.Endpoint(host, port, user, password, database.isEmpty() ? "postgres" : database, params);
    }

    @Override
    public String toString() {
        return "UrlProvider[" + redactedUrl() + "]";
    }
}
