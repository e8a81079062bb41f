package dev.pgtestkit.core.internal;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The part of {@link DockerProbe} that talks to Docker through Testcontainers' client: loaded only when
 * Testcontainers is on the class path.
 */
final class DockerImages {

    private DockerImages() {
    }

    static Optional<String> engineDown() {
        return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                : Optional.of("a Docker endpoint exists but the engine does not answer");
    }

    /**
     * Checked on a plain client before Testcontainers' own: its first {@code client()} call already starts Ryuk and
     * a helper container, retrying their pulls.
     */
    static Optional<String> missingImage(Supplier<List<String>> images) {
        DockerClient client;
        try {
            client = DockerClientProviderStrategy.getClientForConfig(
                    DockerClientFactory.instance().getTransportConfig());
        } catch (RuntimeException e) {
            return Optional.of("a Docker endpoint exists but the engine does not answer (" + DockerProbe.oneLine(e.getMessage())
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
                        + DockerProbe.oneLine(e.getMessage()) + ")");
            }
        }
    }

    /** A pull whose failure is the probe's answer, not an error for docker-java to log with its stack trace. */
    static final class QuietPull extends PullImageResultCallback {
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
}
