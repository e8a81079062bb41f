package dev.pgtestkit.junit.internal;

import dev.pgtestkit.core.AutoProvider;
import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.junit.PgTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The servers and templates behind {@link PgTest}, kept in the root store of the engine run: one server per distinct
 * version and settings, one template per server and distinct dump, set of migrations and extensions. Both are JVM-wide objects of core (shared server, template with its warm
 * clone pool, drained at JVM exit), so the store holds references for lookup and closes nothing: closing a
 * template here would empty its pool for every later engine run in the same JVM.
 */
public final class Databases {

    static final Namespace NAMESPACE = Namespace.create("dev.pgtestkit.junit");

    private Databases() {
    }

    /** A clone of the template the annotation describes, for one class or one test. */
    public static DatabaseHandle checkout(ExtensionContext context, PgTest config) {
        DatabaseTemplate template = template(context, config);
        return new DatabaseHandle(template.checkout(), config.keepOnFailure());
    }

    static DatabaseTemplate template(ExtensionContext context, PgTest config) {
        ExtensionContext.Store root = context.getRoot().getStore(NAMESPACE);
        ServerKey serverKey = new ServerKey(config.postgres(), settings(config));
        PostgresServer server = root.getOrComputeIfAbsent(serverKey, k -> new ServerRef(start(k)), ServerRef.class)
                .server();
        TemplateKey key = new TemplateKey(serverKey, config.dump(), List.of(config.migrations()),
                List.of(config.scripts()), List.of(config.extensions()));
        Class<?> testClass = context.getRequiredTestClass();
        return root.getOrComputeIfAbsent(key, k -> new TemplateRef(build(server, k, testClass)), TemplateRef.class)
                .template();
    }

    private static PostgresServer start(ServerKey key) {
        AutoProvider provider = PostgresProvider.auto();
        if (!key.version().isBlank()) {
            provider = provider.withPostgresVersion(key.version());
        }
        for (Map.Entry<String, String> setting : key.settings().entrySet()) {
            provider = provider.setting(setting.getKey(), setting.getValue());
        }
        return provider.shared();
    }

    /** {@code name=value} pairs of {@link PgTest#settings()}, in order. */
    static Map<String, String> settings(PgTest config) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String setting : config.settings()) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new PgTestkitException("@PgTest(settings) entry '" + setting + "' is not name=value. Write "
                        + "server settings like \"shared_preload_libraries=pg_stat_statements\".");
            }
            settings.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        return settings;
    }

    private static DatabaseTemplate build(PostgresServer server, TemplateKey key, Class<?> testClass) {
        DatabaseTemplate.Builder builder = DatabaseTemplate.builder(server)
                .extensions(key.extensions().toArray(String[]::new));
        if (!key.dump().isEmpty()) {
            builder.source(DumpSource.of(key.dump(), testClass)); // before the migrations, which may build on it
        }
        return builder
                .flywayLocations(key.migrations().toArray(String[]::new))
                .sqlScripts(key.scripts().stream().map(Databases::scriptPath).toArray(Path[]::new))
                .build();
    }

    /** {@code classpath:x.sql} (copied out of a jar when needed) or a file path. */
    static Path scriptPath(String script) {
        if (script.startsWith("classpath:")) {
            return classpathScript(script, script.substring("classpath:".length()).replaceFirst("^/", ""));
        }
        Path path = Path.of(script);
        if (!Files.isRegularFile(path)) {
            throw new MigrationException("SQL script '" + script + "' in @PgTest(scripts) not found: no file "
                    + path.toAbsolutePath() + ". Paths are relative to the working directory; use classpath:" + script
                    + " for a resource.", null);
        }
        return path;
    }

    private static Path classpathScript(String script, String resource) {
        URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) {
            throw new MigrationException("SQL script '" + script + "' in @PgTest(scripts) not found on the class "
                    + "path. Check the name (resources under src/test/resources are at the root).", null);
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempDirectory("pgtestkit-script").resolve(Path.of(resource).getFileName());
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (IOException | URISyntaxException e) {
            throw new MigrationException("Could not read SQL script '" + script + "': " + e.getMessage(), e);
        }
    }

    private record ServerRef(PostgresServer server) {
    }

    private record TemplateRef(DatabaseTemplate template) {
    }

    private record ServerKey(String version, Map<String, String> settings) {
        ServerKey {
            settings = Map.copyOf(settings);
        }
    }

    private record TemplateKey(ServerKey server, String dump, List<String> migrations, List<String> scripts,
                               List<String> extensions) {
        TemplateKey {
            migrations = List.copyOf(migrations);
            scripts = List.copyOf(scripts);
            extensions = List.copyOf(extensions);
        }
    }
}
