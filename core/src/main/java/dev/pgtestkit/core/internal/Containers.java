package dev.pgtestkit.core.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.LogMessageWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.ImageNameSubstitutor;

/**
 * Everything that touches Testcontainers' classes, loaded only once {@link #present()} said they are on the class
 * path (core declares Testcontainers optional). A plain {@code GenericContainer} of the postgres image, configured
 * as Testcontainers' PostgreSQL module does, so that both Testcontainers 1.x (a Spring Boot 3 BOM) and 2.x work
 * with only the {@code org.testcontainers:testcontainers} artifact.
 */
public final class Containers {

    public static final int POSTGRES_PORT = 5432;
    static final String USER = "test";
    static final String PASSWORD = "test";

    private Containers() {
    }

    /** Whether Testcontainers is on the class path. */
    public static boolean present() {
        return ClassPath.has("org.testcontainers.containers.GenericContainer");
    }

    /** A started container and how to reach it; {@code close} removes it. */
    public record Started(String host, int port, String user, String password, Runnable close) {
    }

    /** Starts the image with {@code settings} as {@code -c} arguments; waits until it accepts connections. */
    @SuppressWarnings({"rawtypes", "resource"})
    public static Started start(String image, Map<String, String> settings, Duration timeout) {
        GenericContainer container = new GenericContainer(DockerImageName.parse(image))
                .withExposedPorts(POSTGRES_PORT)
                .withEnv("POSTGRES_USER", USER).withEnv("POSTGRES_PASSWORD", PASSWORD).withEnv("POSTGRES_DB", "postgres")
                .withCommand(command(settings).toArray(String[]::new))
                // The entrypoint starts the server twice (init, then for real): the second "ready" is the real one.
                .waitingFor(new LogMessageWaitStrategy()
                        .withRegEx(".*database system is ready to accept connections.*\\s").withTimes(2)
                        .withStartupTimeout(timeout));
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw e;
        }
        return new Started(container.getHost(), container.getMappedPort(POSTGRES_PORT), USER, PASSWORD,
                container::close);
    }

    /** {@code postgres -c k=v ...}, the arguments the container's entrypoint passes to the server. */
    public static List<String> command(Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of("postgres"));
        settings.forEach((k, v) -> {
            command.add("-c");
            command.add(k + "=" + v);
        });
        return command;
    }

    /** Image names as Testcontainers will pull them, after its image name substitution. */
    public static List<String> substituted(List<String> images) {
        return images.stream().map(DockerImageName::parse)
                .map(name -> ImageNameSubstitutor.instance().apply(name).asCanonicalNameString()).toList();
    }
}
