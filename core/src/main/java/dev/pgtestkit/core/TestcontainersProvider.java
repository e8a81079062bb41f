package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.Settings;
import dev.pgtestkit.core.internal.SharedServers;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL in a Testcontainers container. The image is {@code PGTESTKIT_IMAGE} (or {@code -Dpgtestkit.image}),
 * default {@code postgres:17}; any other image name is used as a compatible substitute for {@code postgres}.
 * The container runs with the same test settings as the embedded server and is removed when the server closes.
 */
public final class TestcontainersProvider implements PostgresProvider {

    /** The official image, used unless PGTESTKIT_IMAGE names another. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    private final String image;

    TestcontainersProvider(String image) {
        this.image = Objects.requireNonNull(image, "image");
    }

    static TestcontainersProvider fromSettings(Settings settings) {
        return new TestcontainersProvider(settings.get(Settings.IMAGE).orElse(DEFAULT_IMAGE));
    }

    /** A provider for another image, e.g. {@code pgvector/pgvector:pg17}. */
    public TestcontainersProvider withImage(String otherImage) {
        return new TestcontainersProvider(otherImage);
    }

    public String image() {
        return image;
    }

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public PostgresServer start() {
        PostgreSQLContainer container = new PostgreSQLContainer(imageName())
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new ProvisioningException("Could not start a PostgreSQL container from image '" + image + "': "
                    + rootMessage(e) + ". Check that the image exists locally or can be pulled, or set "
                    + Settings.describe(Settings.IMAGE) + " to an image you have.", e);
        }
        JdbcServer.Endpoint endpoint = new JdbcServer.Endpoint(container.getHost(),
                container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT), container.getUsername(),
                container.getPassword(), "postgres", Map.of());
        try {
            return new JdbcServer(name(), endpoint, false, container::close);
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
    }

    DockerImageName imageName() {
        DockerImageName name = DockerImageName.parse(image);
        return name.getRepository().equals("postgres") ? name : name.asCompatibleSubstituteFor("postgres");
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("testcontainers " + image, this::start);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public String toString() {
        return "TestcontainersProvider[" + image + "]";
    }
}
