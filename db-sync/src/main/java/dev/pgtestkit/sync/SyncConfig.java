package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.config.ConfigSource;
import dev.pgtestkit.sync.internal.config.Credentials;
import dev.pgtestkit.sync.internal.config.YamlSection;
import dev.pgtestkit.sync.internal.config.YamlSection.Value;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The sharing configuration, {@code pgtestkit.yaml}:
 *
 * <pre>{@code
 * dumps: db-dumps                  # default; each database in dumps/<name>
 * masking:
 *   policy: masking.yaml           # applied when dumping production
 * databases:
 *   prod:
 *     role: production             # production | test | other
 *     url: jdbc:postgresql://db.internal:5432/app?user=reader
 *   test:
 *     role: test
 *     url: jdbc:postgresql://localhost:5432/app_test?user=app
 * git:
 *   remote: origin                 # repository: the file's directory by default
 * remotes:
 *   laptop: me@laptop:work/app/db-dumps
 * }</pre>
 *
 * <p>Every key can be overridden by an environment variable: {@code PGTESTKIT_} and the dotted key in upper case
 * with every other character turned into {@code _} ({@code databases.prod.url} → {@code
 * PGTESTKIT_DATABASES_PROD_URL}). Passwords are never read from the file: they come from
 * {@code PGTESTKIT_DATABASES_<NAME>_PASSWORD}, {@code PGPASSWORD} or {@code ~/.pgpass} ({@code PGPASSFILE}).
 * Instances are immutable.
 */
public final class SyncConfig {

    /** The file name searched for in the working directory and its parents. */
    public static final String FILE_NAME = "pgtestkit.yaml";

    private static final Set<String> TOP_KEYS = Set.of("dumps", "masking", "databases", "git", "remotes");
    private static final Set<String> DATABASE_KEYS = Set.of("role", "url", "dumps", "masking");
    private static final Set<String> MASKING_KEYS = Set.of("policy", "key-file");
    private static final Set<String> GIT_KEYS = Set.of("repository", "remote", "branch");
    /** Variables of these prefixes must name a key; others (PGTESTKIT_URL, PGTESTKIT_MASKING_KEY) are not ours. */
    private static final List<String> CHECKED_PREFIXES = List.of("PGTESTKIT_DATABASES_", "PGTESTKIT_REMOTES_",
            "PGTESTKIT_GIT_", "PGTESTKIT_DUMPS");

    private final Path file;
    private final Path dumpDirectory;
    private final Path maskingPolicy;
    private final Path maskingKeyFile;
    private final Map<String, DatabaseConfig> databases;
    private final GitSettings git;
    private final Map<String, RemoteLocation> remotes;
    private final Map<String, String> env;
    private final Path home;

    private SyncConfig(Path file, Map<String, String> env, YamlSection root) {
        this.file = file;
        this.env = Map.copyOf(env);
        this.home = homeOf(env);
        root.onlyKeys(TOP_KEYS);
        Path base = file.toAbsolutePath().getParent();
        Value dumps = root.optional("dumps");
        this.dumpDirectory = dumps == null ? base.resolve("db-dumps") : path(base, dumps.text());
        YamlSection masking = root.section("masking");
        if (masking != null) {
            masking.onlyKeys(MASKING_KEYS);
        }
        Value policy = masking == null ? envValue(root, "masking.policy") : masking.optional("policy");
        Value keyFile = masking == null ? envValue(root, "masking.key-file") : masking.optional("key-file");
        this.maskingPolicy = policy == null ? null : path(base, policy.text());
        this.maskingKeyFile = keyFile == null ? null : path(base, keyFile.text());
        this.databases = databases(root, base);
        this.git = git(root.section("git"), root, base);
        this.remotes = remotes(root.section("remotes"));
        checkEnvironment(root.source());
    }

    /** Finds {@code pgtestkit.yaml} in the working directory or its parents and reads it with the process's
     * environment. */
    public static SyncConfig discover() {
        return discover(Path.of("").toAbsolutePath(), System.getenv());
    }

    /** Finds {@code pgtestkit.yaml} in {@code directory} or its parents and reads it with {@code env}. */
    public static SyncConfig discover(Path directory, Map<String, String> env) {
        for (Path dir = directory.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return load(candidate, env);
            }
        }
        throw new ConfigException("No " + FILE_NAME + " in " + directory.toAbsolutePath() + " or its parents:"
                + " create one (see db-sync/README.md, 'Sharing: configuration, SSH, git'), or pass its path"
                + " explicitly", null, -1, null);
    }

    /** Reads {@code file} with the process's environment. */
    public static SyncConfig load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Reads {@code file}, {@code env} overriding its keys ({@code HOME} in {@code env}, when present, is where
     * {@code ~/.pgpass} and {@code ~/.ssh} are looked for).
     *
     * @throws ConfigException when the file is missing or unreadable, is not valid YAML, names an unknown key, lacks
     *     a required one, or holds a password
     */
    public static SyncConfig load(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("Configuration file " + file.toAbsolutePath() + " does not exist: create it"
                    + " (see db-sync/README.md, 'Sharing: configuration, SSH, git') or pass the path of an existing"
                    + " one", file, -1, null);
        }
        ConfigSource source = new ConfigSource(file, env);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Node document = new Yaml().compose(reader);
            return new SyncConfig(file, env, YamlSection.root(source, document));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? -1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file + " is not valid YAML at line " + line + ": " + e.getProblem(), file,
                    line, null, e);
        } catch (YAMLException | IOException e) {
            throw new ConfigException(file + " cannot be read: " + e.getMessage(), file, -1, null, e);
        }
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** The root of the dump directories (each database's is beneath it unless set). */
    public Path dumpDirectory() {
        return dumpDirectory;
    }

    /** The masking key file ({@code masking.key-file}), if set. */
    public Optional<Path> maskingKeyFile() {
        return Optional.ofNullable(maskingKeyFile);
    }

    /** The masking policy of {@code masking.policy}, if set (a database may name its own). */
    public Optional<Path> maskingPolicy() {
        return Optional.ofNullable(maskingPolicy);
    }

    /** The databases in file order. */
    public List<DatabaseConfig> databases() {
        return List.copyOf(databases.values());
    }

    /**
     * The database named {@code name}.
     *
     * @throws ConfigException naming the databases that exist and the closest one
     */
    public DatabaseConfig database(String name) {
        DatabaseConfig db = databases.get(name);
        if (db == null) {
            List<String> names = List.copyOf(databases.keySet());
            throw new ConfigException("No database '" + name + "' in " + file + ". Databases: " + String.join(", ",
                    names) + "." + YamlSection.closest(name, names) + " Add it under 'databases' or use one of"
                    + " these.", file, -1, "databases." + name);
        }
        return db;
    }

    /** The first database of {@code role}, if any. */
    public Optional<DatabaseConfig> withRole(Role role) {
        return databases.values().stream().filter(d -> d.role() == role).findFirst();
    }

    /** The git settings (defaults when the file has no {@code git} section). */
    public GitSettings git() {
        return git;
    }

    /** The named remotes of {@code remotes}. */
    public Map<String, RemoteLocation> remotes() {
        return remotes;
    }

    /**
     * A remote by its name in {@code remotes}, or parsed from {@code [user@]host[:path]} /
     * {@code ssh://user@host:port/path}.
     */
    public RemoteLocation remote(String nameOrLocation) {
        RemoteLocation named = remotes.get(nameOrLocation);
        if (named != null) {
            return named;
        }
        try {
            return RemoteLocation.parse(nameOrLocation);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + (remotes.isEmpty() ? "" : "; or one of the remotes of "
                    + file + ": " + String.join(", ", remotes.keySet())), file, -1, "remotes");
        }
    }

    /** The home directory where {@code .pgpass} and {@code .ssh} are looked for ({@code HOME}). */
    public Path homeDirectory() {
        return home;
    }

    /** The environment the configuration was read with. */
    public Map<String, String> environment() {
        return env;
    }

    /**
     * A data source for {@code database} with its password (if any) from {@code PGTESTKIT_DATABASES_<NAME>_PASSWORD},
     * {@code PGPASSWORD} or the password file. The password is given to the driver only, never put in the URL.
     */
    public DataSource dataSource(DatabaseConfig database) {
        return Credentials.dataSource(database, env, home);
    }

    private static Path homeOf(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home);
    }

    private Path path(Path base, String text) {
        if (text.equals("~") || text.startsWith("~/")) {
            return home.resolve(text.substring(Math.min(2, text.length()))).normalize();
        }
        return base.resolve(text).normalize();
    }

    private Map<String, DatabaseConfig> databases(YamlSection root, Path base) {
        YamlSection section = root.section("databases");
        if (section == null || section.keys().isEmpty()) {
            throw new ConfigException("'databases' is required in " + file + ": add at least one, like\n"
                    + "databases:\n  prod:\n    role: production\n    url: jdbc:postgresql://host:5432/app?user=me",
                    file, root.lineOf("databases"), "databases");
        }
        Map<String, DatabaseConfig> result = new LinkedHashMap<>();
        for (Map.Entry<String, YamlSection> e : section.children().entrySet()) {
            result.put(e.getKey(), database(e.getKey(), e.getValue(), base));
        }
        return Collections.unmodifiableMap(result);
    }

    private DatabaseConfig database(String name, YamlSection db, Path base) {
        if (db.keys().contains("password")) {
            throw new ConfigException("'" + db.path() + ".password' (" + file + " line " + db.lineOf("password")
                    + "): passwords are never read from " + FILE_NAME + ", which is shared and committed. Remove it"
                    + " and set " + YamlSection.envName(db.path() + ".password") + ", PGPASSWORD, or a line"
                    + " 'host:port:database:user:password' in ~/.pgpass (or the file PGPASSFILE names)", file,
                    db.lineOf("password"), db.path() + ".password");
        }
        db.onlyKeys(DATABASE_KEYS);
        Value roleValue = db.required("role", "production", DATABASE_KEYS);
        Role role = role(roleValue);
        String url = Credentials.checkUrl(db.required("url", "jdbc:postgresql://localhost:5432/" + name,
                DATABASE_KEYS), file);
        Value dumps = db.optional("dumps");
        Path dir = dumps == null ? dumpDirectory.resolve(name) : path(base, dumps.text());
        Value masking = db.optional("masking");
        Path policy = masking == null ? maskingPolicy
                : masking.text().equals("none") ? null : path(base, masking.text());
        return new DatabaseConfig(name, role, url, dir, policy);
    }

    private Role role(Value value) {
        for (Role role : Role.values()) {
            if (role.configName().equals(value.text().toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        List<String> names = java.util.Arrays.stream(Role.values()).map(Role::configName).toList();
        throw value.invalid(file, "is '" + value.text() + "'; write one of " + String.join(", ", names) + "."
                + YamlSection.closest(value.text(), names));
    }

    private static GitSettings git(YamlSection git, YamlSection root, Path base) {
        YamlSection section = git;
        Value repository;
        Value remote;
        Value branch;
        if (section == null) {
            repository = envValue(root, "git.repository");
            remote = envValue(root, "git.remote");
            branch = envValue(root, "git.branch");
        } else {
            section.onlyKeys(GIT_KEYS);
            repository = section.optional("repository");
            remote = section.optional("remote");
            branch = section.optional("branch");
        }
        return new GitSettings(repository == null ? base : base.resolve(repository.text()).normalize(),
                remote == null ? "origin" : remote.text(), branch == null ? null : branch.text());
    }

    private static Value envValue(YamlSection root, String key) {
        String name = YamlSection.envName(key);
        String value = root.source().env(name);
        return value == null ? null : new Value(key, value, "environment variable " + name, -1);
    }

    private Map<String, RemoteLocation> remotes(YamlSection section) {
        if (section == null) {
            return Map.of();
        }
        Map<String, RemoteLocation> result = new LinkedHashMap<>();
        for (String name : section.keys()) {
            Value value = section.optional(name);
            if (value == null) {
                throw new ConfigException("'remotes." + name + "' (" + file + " line " + section.lineOf(name)
                        + ") is empty: write user@host:path", file, section.lineOf(name), "remotes." + name);
            }
            try {
                result.put(name, RemoteLocation.parse(value.text()));
            } catch (IllegalArgumentException e) {
                throw value.invalid(file, "is not a remote location: " + e.getMessage());
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** A variable of one of our prefixes that names no key is a typo: say so rather than ignore it. */
    private void checkEnvironment(ConfigSource source) {
        Set<String> known = new TreeSet<>(source.consulted());
        databases.values().forEach(d -> known.add(d.passwordVariable()));
        known.add(Credentials.GIT_TOKEN_VARIABLE);
        known.add(Credentials.GIT_USER_VARIABLE);
        for (String name : new TreeSet<>(env.keySet())) {
            if (CHECKED_PREFIXES.stream().anyMatch(name::startsWith) && !known.contains(name)) {
                List<String> candidates = new ArrayList<>(known);
                throw new ConfigException("Environment variable " + name + " overrides no key of " + file
                        + ". Variables that do: " + String.join(", ", known) + "."
                        + YamlSection.closest(name, candidates) + " Rename or unset it.", null, -1, name);
            }
        }
    }
}
