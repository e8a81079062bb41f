package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.internal.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

class TestcontainersProviderTest {

    @Test
    void defaultsToTheOfficialPostgres17Image() {
        assertThat(TestcontainersProvider.fromSettings(new Settings(k -> null, k -> null)).image())
                .isEqualTo("postgres:17");
    }

    @Test
    void takesTheImageFromPgtestkitImage() {
        Map<String, String> env = Map.of("PGTESTKIT_IMAGE", "pgtestkit/postgres:15");
        TestcontainersProvider provider = TestcontainersProvider.fromSettings(new Settings(k -> null, env::get));
        assertThat(provider.image()).isEqualTo("pgtestkit/postgres:15");
    }

    @Test
    void aVersionAskedForBecomesTheTagOfAnImageTaggedByVersion() {
        Map<String, String> env = Map.of("PGTESTKIT_PG_VERSION", "14");
        assertThat(TestcontainersProvider.fromSettings(new Settings(k -> null, env::get)).image())
                .isEqualTo("postgres:14");
        TestcontainersProvider provider = PostgresProvider.testcontainers();
        assertThat(provider.withPostgresVersion("18").image()).isEqualTo("postgres:18");
        assertThat(provider.withImage("pgtestkit/postgres:15").withPostgresVersion("18").image())
                .isEqualTo("pgtestkit/postgres:18");
        assertThat(provider.withImage("pgvector/pgvector:pg17").withPostgresVersion("18").image())
                .as("a tag that is not a version is the user's choice").isEqualTo("pgvector/pgvector:pg17");
        assertThat(provider.withImage("postgres").withPostgresVersion("16").image()).isEqualTo("postgres:16");
    }

    @Test
    void serverSettingsBecomeArgumentsOfThePostgresCommand() {
        assertThat(dev.pgtestkit.core.internal.Containers.command(
                new java.util.TreeMap<>(Map.of("shared_preload_libraries", "pg_stat_statements", "fsync", "off"))))
                .containsExactly("postgres", "-c", "fsync=off", "-c", "shared_preload_libraries=pg_stat_statements");
    }

    @Test
    void anUnknownVersionFormatIsRefusedWithTheFix() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostgresProvider.testcontainers()
                        .withPostgresVersion("latest"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("use a major version such as 14, 15, 16, 17 or 18");
    }

    @Test
    void requiredImagesAreRyukTheHelperAndTheServerImageUnlessRyukIsDisabled() {
        TestcontainersProvider provider = TestcontainersProvider.fromSettings(new Settings(k -> null, k -> null));
        assertThat(provider.requiredImages(new Settings(k -> null, k -> null)))
                .containsExactly("testcontainers/ryuk:0.14.0", "alpine:3.17", "postgres:17");
        Map<String, String> env = Map.of("TESTCONTAINERS_RYUK_DISABLED", "true");
        assertThat(provider.requiredImages(new Settings(k -> null, env::get)))
                .containsExactly("alpine:3.17", "postgres:17");
    }

    @Test
    void ryukAndHelperImagesAreTheOnesTheTestcontainersJarStarts() throws IOException {
        assertThat(classFileText(DockerImageName.class, "RyukContainer.class"))
                .contains(TestcontainersProvider.RYUK_IMAGE);
        assertThat(classFileText(DockerClientFactory.class, "DockerClientFactory.class"))
                .contains(TestcontainersProvider.HELPER_IMAGE);
    }

    /** The constants of a class in the Testcontainers jar (RyukContainer is package-private). */
    private static String classFileText(Class<?> besides, String classFile) throws IOException {
        try (InputStream in = besides.getResourceAsStream(classFile)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
