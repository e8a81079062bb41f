package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.Containers;
import dev.pgtestkit.core.internal.DockerProbe;
import dev.pgtestkit.core.internal.JdbcServer;
import dev.pgtestkit.core.internal.ServerChecks;
import dev.pgtestkit.core.internal.ServerSpec;
import dev.pgtestkit.core.internal.Settings;
import dev.pgtestkit.core.internal.SharedServers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PostgreSQL in a Testcontainers container. The image is {@code PGTESTKIT_IMAGE} (or {@code -Dpgtestkit.image}),
 * default {@code postgres:17}, or {@code postgres:<version>} when a version is asked for ({@code PGTESTKIT_PG_VERSION},
 * {@code @PgTest(postgres = "18")}). The container runs with the same test settings as the embedded server and is
 * removed when the server closes.
 *
 * <p>Testcontainers is an optional dependency of pgtestkit: add {@code org.testcontainers:testcontainers} (1.19 or
 * later, or 2.x; the {@code postgresql} module brings it too) to use this provider.
 */
public final class TestcontainersProvider implements PostgresProvider {

    /** The official image, used unless PGTESTKIT_IMAGE names another. */
    public static final String DEFAULT_IMAGE = "postgres:17";

    /** The images Testcontainers hard-codes for Ryuk and for its helper container (tests check them in the jar). */
    static final String RYUK_IMAGE = "testcontainers/ryuk:0.14.0";
    static final String HELPER_IMAGE = "alpine:3.17";

    private static final Map<String, String> TEST_SETTINGS = Map.of("fsync", "off", "synchronous_commit", "off",
            "full_page_writes", "off", "max_connections", "300");

    private final String image;
    private final ServerSpec spec;

    TestcontainersProvider(String image) {
        this(image, ServerSpec.DEFAULT);
    }

    private TestcontainersProvider(String image, ServerSpec spec) {
        this.image = Objects.requireNonNull(image, "image");
        this.spec = spec;
    }

    static TestcontainersProvider fromSettings(Settings settings) {
        return new TestcontainersProvider(settings.get(Settings.IMAGE).orElse(DEFAULT_IMAGE))
                .forSpec(ServerSpec.DEFAULT.orVersion(settings.get(Settings.PG_VERSION)));
    }

    /** A provider for another image, e.g. {@code pgvector/pgvector:pg17}. */
    public TestcontainersProvider withImage(String otherImage) {
        return new TestcontainersProvider(otherImage, spec);
    }

    /**
     * The PostgreSQL major version: the image's tag becomes the version ({@code postgres:18}) when the tag is a
     * plain version number, as in the default image; an image with another kind of tag is used as it is and its
     * server must run that major version.
     */
    public TestcontainersProvider withPostgresVersion(String version) {
        return forSpec(new ServerSpec(version, spec.settings()));
    }

    /** A server setting ({@code -c name=value}), e.g. {@code shared_preload_libraries=pg_stat_statements}. */
    public TestcontainersProvider setting(String name, String value) {
        return forSpec(spec.withSetting(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
    }

    TestcontainersProvider forSpec(ServerSpec other) {
        return new TestcontainersProvider(image, other);
    }

    /** The image a container starts from: the configured one, its tag replaced by the version asked for. */
    public String image() {
        if (spec.version() == null) {
            return image;
        }
        int colon = image.lastIndexOf(':');
        if (colon > image.lastIndexOf('/') && image.substring(colon + 1).matches("\\d+(\\.\\d+)*")) {
            return image.substring(0, colon + 1) + spec.version();
        }
        return colon > image.lastIndexOf('/') ? image : image + ":" + spec.version();
    }

    @Override
    public String name() {
        return "testcontainers";
    }

    @Override
    public PostgresServer start() {
        requireTestcontainers();
        Map<String, String> settings = new LinkedHashMap<>(TEST_SETTINGS);
        settings.putAll(spec.settings());
        Containers.Started container;
        try {
            container = Containers.start(image(), settings, Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            throw new ProvisioningException("Could not start a PostgreSQL container from image '" + image() + "': "
                    + rootMessage(e) + ". Check that the image exists locally or can be pulled, or set "
                    + Settings.describe(Settings.IMAGE) + " to an image you have.", e);
        }
        JdbcServer.Endpoint endpoint = new JdbcServer.Endpoint(container.host(), container.port(), container.user(),
                container.password(), "postgres", Map.of());
        try {
            JdbcServer server = new JdbcServer(name(), endpoint, false, container.close());
            ServerChecks.requireSpec(server, spec, "image " + image());
            return server;
        } catch (RuntimeException e) {
            container.close().run();
            throw e;
        }
    }

    private static void requireTestcontainers() {
        if (!Containers.present()) {
            throw new ProvisioningException("Testcontainers is not on the class path. Add the test dependency "
                    + "org.testcontainers:testcontainers (or org.testcontainers:postgresql) to use the container "
                    + "provider, or use the embedded one.", null);
        }
    }

    /** Whether this provider can start a container here: Testcontainers is present, an engine answers and
     *  {@link #requiredImages} are had. */
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
        images.add(image());
        return Containers.substituted(images);
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("testcontainers " + image() + " " + spec.key(), this::start);
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
        return "TestcontainersProvider[" + image() + (spec.settings().isEmpty() ? "" : ", " + spec.settings()) + "]";
    }
}
