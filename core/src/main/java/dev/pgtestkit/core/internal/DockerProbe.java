package dev.pgtestkit.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Whether a Docker engine answers. Looks for an endpoint first (cheap, silent) and only then asks Testcontainers,
 * whose own probing is slow and noisy on machines without Docker.
 */
public interface DockerProbe {

    /** Empty when an engine answers; otherwise why not, in one line. */
    Optional<String> unavailableReason();

    /** The real probe. */
    static DockerProbe system(Settings settings) {
        return () -> {
            boolean endpoint = settings.env("DOCKER_HOST").isPresent()
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                    || socketCandidates().stream().anyMatch(Files::exists);
            if (!endpoint) {
                return Optional.of("no Docker endpoint (DOCKER_HOST unset, no socket at "
                        + socketCandidates().get(0) + ")");
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable()
                        ? Optional.empty() : Optional.of("a Docker endpoint exists but the engine does not answer");
            } catch (LinkageError e) {
                return Optional.of("Testcontainers is not on the class path (" + e.getMessage() + ")");
            }
        };
    }

    private static List<Path> socketCandidates() {
        String home = System.getProperty("user.home");
        return List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"));
    }
}
