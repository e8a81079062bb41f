package dev.pgtestkit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.sync.internal.config.Credentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigTest {

    private static final String VALID = """
            dumps: shared/dumps
            masking:
              policy: masking.yaml
            databases:
              prod:
                role: production
                url: jdbc:postgresql://db.internal:5432/app?user=reader
              test-eu:
                role: test
                url: postgresql://app@localhost:5433/app_test?sslmode=disable
                dumps: other/test
                masking: none
            git:
              remote: upstream
            remotes:
              laptop: me@laptop:work/app/dumps
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("pgtestkit.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsEveryKeyAndResolvesPathsBesideTheFile() throws IOException {
        SyncConfig config = SyncConfig.load(write(VALID), Map.of("HOME", dir.toString()));

        DatabaseConfig prod = config.database("prod");
        assertThat(prod.role()).isEqualTo(Role.PRODUCTION);
        assertThat(prod.dumpDirectory()).isEqualTo(dir.resolve("shared/dumps/prod"));
        assertThat(prod.maskingPolicy()).isEqualTo(dir.resolve("masking.yaml"));
        DatabaseConfig test = config.database("test-eu");
        assertThat(test.url()).isEqualTo("jdbc:postgresql://localhost:5433/app_test?user=app&sslmode=disable");
        assertThat(test.dumpDirectory()).isEqualTo(dir.resolve("other/test"));
        assertThat(test.maskingPolicy()).isNull();
        assertThat(config.withRole(Role.TEST)).contains(test);
        assertThat(config.git()).isEqualTo(new GitSettings(dir, "upstream", null));
        assertThat(config.remote("laptop")).isEqualTo(new RemoteLocation("me", "laptop", 0, "work/app/dumps"));
        assertThat(config.remote("ssh://u@h:2222/x")).isEqualTo(new RemoteLocation("u", "h", 2222, "/x"));
    }

    @Test
    void isFoundInAParentDirectory() throws IOException {
        write(VALID);
        Path nested = Files.createDirectories(dir.resolve("a/b/c"));

        SyncConfig config = SyncConfig.discover(nested, Map.of());

        assertThat(config.file()).isEqualTo(dir.resolve("pgtestkit.yaml"));
    }

    @Test
    void environmentVariablesOverrideEveryKey() throws IOException {
        Path file = write(VALID);
        Map<String, String> env = Map.of(
                "PGTESTKIT_DATABASES_PROD_URL", "jdbc:postgresql://replica:5432/app?user=reader",
                "PGTESTKIT_DATABASES_TEST_EU_ROLE", "other",
                "PGTESTKIT_DUMPS", "elsewhere",
                "PGTESTKIT_GIT_BRANCH", "dumps",
                "PGTESTKIT_REMOTES_LAPTOP", "ssh://me@10.0.0.7:2200/srv/dumps");

        SyncConfig config = SyncConfig.load(file, env);

        assertThat(config.database("prod").url()).isEqualTo("jdbc:postgresql://replica:5432/app?user=reader");
        assertThat(config.database("prod").dumpDirectory()).isEqualTo(dir.resolve("elsewhere/prod"));
        assertThat(config.database("test-eu").role()).isEqualTo(Role.OTHER);
        assertThat(config.git().branch()).isEqualTo("dumps");
        assertThat(config.remote("laptop").port()).isEqualTo(2200);
    }

    @Test
    void aMissingKeyCanComeFromTheEnvironment() throws IOException {
        Path file = write("databases:\n  prod:\n    role: production\n");

        SyncConfig config = SyncConfig.load(file, Map.of("PGTESTKIT_DATABASES_PROD_URL",
                "jdbc:postgresql://h/app"));

        assertThat(config.database("prod").url()).isEqualTo("jdbc:postgresql://h/app");
    }

    @Test
    void aMissingFileSaysHowToCreateOne() {
        assertThatThrownBy(() -> SyncConfig.load(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml does not exist").hasMessageContaining("README");
        assertThatThrownBy(() -> SyncConfig.discover(dir, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("No pgtestkit.yaml in " + dir + " or its parents");
    }

    @Test
    void anUnknownKeyNamesFileLineTheKeysThatExistAndTheClosest() throws IOException {
        Path file = write(VALID.replace("    role: test", "    rol: test"));

        assertThatThrownBy(() -> SyncConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.key()).isEqualTo("databases.test-eu.rol");
                    assertThat(e.file()).isEqualTo(file);
                })
                .hasMessageContaining("Unknown key 'databases.test-eu.rol' in " + file + " line 9")
                .hasMessageContaining("dumps, masking, role, url")
                .hasMessageContaining("Did you mean: role?");
        Path top = write("databse:\n  x: 1\n");
        assertThatThrownBy(() -> SyncConfig.load(top, Map.of()))
                .hasMessageContaining("Unknown key 'databse'").hasMessageContaining("line 1")
                .hasMessageContaining("Did you mean: databases?");
    }

    @Test
    void aMissingRequiredKeyNamesTheSectionAndTheVariable() throws IOException {
        Path file = write("databases:\n  prod:\n    url: jdbc:postgresql://h/app\n");

        assertThatThrownBy(() -> SyncConfig.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("'databases.prod.role' is required")
                .hasMessageContaining("add 'role: production' under 'databases.prod'")
                .hasMessageContaining("PGTESTKIT_DATABASES_PROD_ROLE")
                .hasMessageContaining("It has: url; keys it may have: dumps, masking, role, url");
        Path empty = write("git:\n  remote: origin\n");
        assertThatThrownBy(() -> SyncConfig.load(empty, Map.of()))
                .hasMessageContaining("'databases' is required");
    }

    @Test
    void aBadValueNamesItsOrigin() throws IOException {
        Path file = write(VALID.replace("role: production", "role: prod"));
        assertThatThrownBy(() -> SyncConfig.load(file, Map.of()))
                .hasMessageContaining("'databases.prod.role' (" + file + " line 6) is 'prod'")
                .hasMessageContaining("production, test, other").hasMessageContaining("Did you mean: production?");
        assertThatThrownBy(() -> SyncConfig.load(write(VALID), Map.of("PGTESTKIT_DATABASES_PROD_URL", "mysql://x")))
                .hasMessageContaining("(environment variable PGTESTKIT_DATABASES_PROD_URL) is not a PostgreSQL URL");
        assertThatThrownBy(() -> SyncConfig.load(write(VALID.replace("me@laptop:work/app/dumps", "a@b@c")),
                Map.of())).hasMessageContaining("'remotes.laptop'").hasMessageContaining("user@host:path");
    }

    /** PgJDBC's URL parser fills in the password from a matching password file: that is not a password in the URL. */
    @Test
    void aUrlWhosePasswordIsInThePasswordFileIsAccepted() throws IOException {
        Path passwords = Files.writeString(dir.resolve("pgpass"), "*:*:*:*:from-the-password-file\n");
        String before = System.getProperty("org.postgresql.pgpassfile");
        System.setProperty("org.postgresql.pgpassfile", passwords.toString());
        try {
            assertThat(SyncConfig.load(write(VALID), Map.of()).databases()).isNotEmpty();
        } finally {
            if (before == null) {
                System.clearProperty("org.postgresql.pgpassfile");
            } else {
                System.setProperty("org.postgresql.pgpassfile", before);
            }
        }
    }

    @Test
    void aPasswordInTheFileIsRefusedWithoutRepeatingIt() throws IOException {
        Path inUrl = write(VALID.replace("?user=reader", "?user=reader&password=hunter2secret"));
        assertThatThrownBy(() -> SyncConfig.load(inUrl, Map.of()))
                .hasMessageContaining("contains a password").hasMessageContaining("PGTESTKIT_DATABASES_PROD_PASSWORD")
                .hasMessageContaining("~/.pgpass").message().doesNotContain("hunter2secret");
        Path inUri = write(VALID.replace("postgresql://app@", "postgresql://app:hunter2secret@"));
        assertThatThrownBy(() -> SyncConfig.load(inUri, Map.of()))
                .hasMessageContaining("contains a password").message().doesNotContain("hunter2secret");
        Path asKey = write(VALID.replace("    role: production\n", "    role: production\n    password: hunter2\n"));
        assertThatThrownBy(() -> SyncConfig.load(asKey, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.line()).isEqualTo(7))
                .hasMessageContaining("passwords are never read from pgtestkit.yaml")
                .message().doesNotContain("hunter2");
    }

    @Test
    void anUnknownDatabaseNameListsTheDatabases() throws IOException {
        SyncConfig config = SyncConfig.load(write(VALID), Map.of());
        assertThatThrownBy(() -> config.database("prd"))
                .hasMessageContaining("No database 'prd'").hasMessageContaining("Databases: prod, test-eu")
                .hasMessageContaining("Did you mean: prod?");
    }

    @Test
    void aMisspeltVariableIsAnErrorNotIgnored() throws IOException {
        Path file = write(VALID);
        assertThatThrownBy(() -> SyncConfig.load(file, Map.of("PGTESTKIT_DATABASES_PORD_URL", "jdbc:postgresql://x/y")))
                .hasMessageContaining("PGTESTKIT_DATABASES_PORD_URL overrides no key")
                .hasMessageContaining("Did you mean: PGTESTKIT_DATABASES_PROD_URL");
        // Variables of other parts of pgtestkit are not ours to judge.
        SyncConfig.load(file, Map.of("PGTESTKIT_URL", "jdbc:postgresql://x/y", "PGTESTKIT_MASKING_KEY", "k"));
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        Path file = write("databases:\n  prod:\n    role: [production\n");
        assertThatThrownBy(() -> SyncConfig.load(file, Map.of()))
                .hasMessageContaining("is not valid YAML at line");
        Path twice = write(VALID + "dumps: again\n");
        assertThatThrownBy(() -> SyncConfig.load(twice, Map.of()))
                .hasMessageContaining("'dumps' is set twice (lines 1 and 17)");
    }

    @Test
    void passwordsComeFromTheEnvironmentThenThePasswordFile() throws IOException {
        SyncConfig config = SyncConfig.load(write(VALID), Map.of("HOME", dir.toString()));
        DatabaseConfig prod = config.database("prod");
        Files.writeString(dir.resolve(".pgpass"), "# comment\nother:5432:*:*:nope\n"
                + "db.internal:5432:app:reader:pa\\:ss\n");

        assertThat(Credentials.password(prod, Map.of(), dir)).contains("pa:ss");
        assertThat(Credentials.password(prod, Map.of("PGPASSWORD", "general"), dir)).contains("general");
        assertThat(Credentials.password(prod, Map.of("PGPASSWORD", "general", prod.passwordVariable(), "own"), dir))
                .contains("own");
        Path elsewhere = dir.resolve("pass");
        Files.writeString(elsewhere, "*:*:*:*:star\n");
        assertThat(Credentials.password(prod, Map.of("PGPASSFILE", elsewhere.toString()), dir)).contains("star");
        assertThat(Credentials.password(config.database("test-eu"), Map.of(), dir)).isEmpty();
    }
}
