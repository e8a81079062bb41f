package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.github.dockerjava.api.model.Container;
import dev.pgtestkit.core.internal.Settings;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The container provider end to end. Skipped, with the reason, where no Docker engine answers or the images are neither
 * local nor pullable; .ci/run starts an engine with a locally built image and runs the whole suite with
 * PGTESTKIT_PROVIDER=testcontainers.
 */
class TestcontainersProviderIT {

    @BeforeAll
    static void requireDocker() {
        Optional<String> noDocker = PostgresProvider.testcontainers().probe(Settings.fromSystem()).unavailableReason();
        assumeThat(noDocker).as("Docker engine for the Testcontainers provider: %s", noDocker.orElse("")).isEmpty();
    }

    @Test
    void startsAContainerWithTestSettingsAndRemovesItOnClose() throws Exception {
        TestcontainersProvider provider = PostgresProvider.testcontainers();
        List<String> before = containersOf(provider);
        List<String> during;
        try (PostgresServer server = provider.start(); Connection c = server.connect("postgres")) {
            assertThat(server.kind()).isEqualTo("testcontainers");
            assertThat(EmbeddedProviderIT.setting(c, "fsync")).isEqualTo("off");
            assertThat(EmbeddedProviderIT.setting(c, "synchronous_commit")).isEqualTo("off");
            assertThat(EmbeddedProviderIT.setting(c, "full_page_writes")).isEqualTo("off");
            String name = PostgresServer.DATABASE_PREFIX + "tc_" + System.nanoTime();
            server.createDatabase(name, null);
            assertThat(server.databases(name)).containsExactly(name);
            during = containersOf(provider);
        }
        assertThat(during).hasSize(before.size() + 1).containsAll(before);
        assertThat(containersOf(provider)).containsExactlyInAnyOrderElementsOf(before);
    }

    /** Ids of the containers, running or stopped, of the provider's image. */
    private static List<String> containersOf(TestcontainersProvider provider) {
        return DockerClientFactory.instance().client().listContainersCmd().withShowAll(true)
                .withAncestorFilter(List.of(provider.image())).exec().stream().map(Container::getId).toList();
    }

    @Test
    void probeReportsAnImageThatIsNeitherLocalNorPullableInsteadOfRetryingThePull() {
        Settings settings = new Settings(
                key -> key.equals("pgtestkit.image") ? "pgtestkit/no-such-image:0" : System.getProperty(key),
                System::getenv);
        assertThat(TestcontainersProvider.fromSettings(settings).probe(settings).unavailableReason())
                .hasValueSatisfying(reason -> assertThat(reason)
                        .startsWith("image '")
                        .contains("' is not present locally and cannot be pulled ("));
    }
}
