package dev.pgtestkit.core.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether Testcontainers can start a container here: an engine answers and the images it needs are local or can be
 * pulled. Looks for an endpoint first (cheap, silent) and only then asks Testcontainers, whose own probing is slow
 * and noisy on machines without Docker. The image check pulls once, without retries: Testcontainers retries a failed
 * pull for two minutes per image, which on an offline machine would delay the fallback to embedded by minutes.
 */
public interface DockerProbe {

    /** Empty when an engine answers; otherwise why not, in one line. */
    Optional<String> unavailableReason();

    /**
     * The real probe of the engine and of the images a container start needs (Ryuk, a helper, the server), which are
     * only computed once an endpoint is found: naming them loads Testcontainers' configuration.
     */
    static DockerProbe system(Settings settings, Supplier<List<String>> images) {
        return () -> {
            if (!Containers.present()) {
                return Optional.of("Testcontainers is not on the class path (add org.testcontainers:testcontainers "
                        + "to use Docker)");
            }
            boolean endpoint = settings.env("DOCKER_HOST").isPresent()
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                    || socketCandidates().stream().anyMatch(Files::exists);
            if (!endpoint) {
                return Optional.of("no Docker endpoint (DOCKER_HOST unset, no socket at "
                        + socketCandidates().get(0) + ")");
            }
            return DockerImages.missingImage(images).or(DockerImages::engineDown);
        };
    }

    static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").trim();
    }

    private static List<Path> socketCandidates() {
        String home = System.getProperty("user.home");
        return List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"));
    }
}
