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
    void takesTheImageFromPgtestkitImageAndUsesItAsACompatibleSubstitute() {
        Map<String, String> env = Map.of("PGTESTKIT_IMAGE", "pgtestkit/postgres:15");
        TestcontainersProvider provider = TestcontainersProvider.fromSettings(new Settings(k -> null, env::get));
        assertThat(provider.image()).isEqualTo("pgtestkit/postgres:15");
        assertThat(provider.imageName().isCompatibleWith(DockerImageName.parse("postgres"))).isTrue();
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
