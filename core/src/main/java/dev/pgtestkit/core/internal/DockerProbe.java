package dev.pgtestkit.core.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

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
            boolean endpoint = settings.env("DOCKER_HOST").isPresent()
                    || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                    || socketCandidates().stream().anyMatch(Files::exists);
            if (!endpoint) {
                return Optional.of("no Docker endpoint (DOCKER_HOST unset, no socket at "
                        + socketCandidates().get(0) + ")");
            }
            try {
                return missingImage(images).or(() -> DockerClientFactory.instance().isDockerAvailable()
                        ? Optional.empty() : Optional.of("a Docker endpoint exists but the engine does not answer"));
            } catch (LinkageError e) {
                return Optional.of("Testcontainers is not on the class path (" + e.getMessage() + ")");
            }
        };
    }

    /**
     * Checked on a plain client before Testcontainers' own: its first {@code client()} call already starts Ryuk and
     * a helper container, retrying their pulls.
     */
    private static Optional<String> missingImage(Supplier<List<String>> images) {
        DockerClient client;
        try {
            client = DockerClientProviderStrategy.getClientForConfig(
                    DockerClientFactory.instance().getTransportConfig());
        } catch (RuntimeException e) {
            return Optional.of("a Docker endpoint exists but the engine does not answer (" + oneLine(e.getMessage())
                    + ")");
        }
        try (client) {
            return images.get().stream().map(image -> unobtainable(client, image)).flatMap(Optional::stream)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // closing the probe's client failed; the answer stands
        }
    }

    /** Empty when the image is local or one pull fetched it; otherwise why it cannot be had. */
    private static Optional<String> unobtainable(DockerClient client, String image) {
        try {
            client.inspectImageCmd(image).exec();
            return Optional.empty();
        } catch (NotFoundException notLocal) {
            try {
                QuietPull pull = client.pullImageCmd(image).exec(new QuietPull());
                pull.awaitCompletion();
                if (pull.error != null) {
                    throw pull.error;
                }
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while pulling image '" + image + "'");
            } catch (RuntimeException e) {
                return Optional.of("image '" + image + "' is not present locally and cannot be pulled ("
                        + oneLine(e.getMessage()) + ")");
            }
        }
    }

    /** A pull whose failure is the probe's answer, not an error for docker-java to log with its stack trace. */
    final class QuietPull extends PullImageResultCallback {
        private volatile RuntimeException error;

        @Override
        public void onError(Throwable throwable) {
            error = throwable instanceof RuntimeException r ? r : new IllegalStateException(throwable);
            try {
                close();
            } catch (IOException ignored) {
                // completes the callback either way
            }
        }
    }

    private static String oneLine(String message) {
        return message == null ? "no reason given" : message.replaceAll("\\s+", " ").trim();
    }

    private static List<Path> socketCandidates() {
        String home = System.getProperty("user.home");
        return List.of(Path.of("/var/run/docker.sock"), Path.of(home, ".docker/run/docker.sock"),
                Path.of(home, ".docker/desktop/docker.sock"), Path.of(home, ".colima/default/docker.sock"));
    }
}
