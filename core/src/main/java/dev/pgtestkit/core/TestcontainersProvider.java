package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.DockerProbe;
import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.Settings;
import dev.pgtestkit.core.internal.SharedServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * PostgreSQL in a Testcontainers container. The image is {@code PGTESTKIT_IMAGE} (or {@code -Dpgtestkit.image}),
 * default {@code postgres:17}; any other image name is used as a compatible substitute for {@code postgres}.
 * The container runs with the same test settings as the embedded server and is removed when the server closes.
 */
public final class TestcontainersProvider implements PostgresProvider {

    /** The official image, used unless PGTESTKIT_IMAGE names another. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** The images Testcontainers hard-codes for Ryuk and for its helper container (tests check them in the jar). */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    static final String HELPER_IMAGE = "alpine:3.17";

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

    /** Whether this provider can start a container here: an engine answers and {@link #requiredImages} are had. */
    DockerProbe probe(Settings settings) {
        return DockerProbe.system(settings, () -> requiredImages(settings));
    }

    /**
     * The images a container start pulls if they are not local, as Testcontainers will name them (after its image
     * name substitution): Ryuk, unless {@code TESTCONTAINERS_RYUK_DISABLED=true}, the helper it runs to find the
     * Docker host's address, and the server image.
     */
    List<String> requiredImages(Settings settings) {
        List<String> images = new ArrayList<>();
        if (!settings.env("TESTCONTAINERS_RYUK_DISABLED").map(Boolean::parseBoolean).orElse(false)) {
            images.add(RYUK_IMAGE);
        }
        images.add(HELPER_IMAGE);
        images.add(image);
        return images.stream().map(DockerImageName::parse)
                .map(name -> ImageNameSubstitutor.instance().apply(name).asCanonicalNameString()).toList();
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
