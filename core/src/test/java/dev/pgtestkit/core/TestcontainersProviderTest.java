package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.internal.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
