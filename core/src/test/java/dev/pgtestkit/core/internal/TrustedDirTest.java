package dev.pgtestkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's base directory must be the JVM user's alone; processes are stopped only once identified. */
class TrustedDirTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheDirectoryForItsUserOnly() throws IOException {
        Path dir = tmp.resolve("pgtestkit");
        TrustedDir.require(dir, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        Path shared = tmp.resolve("for-nobody");
        TrustedDir.require(shared, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-xr-x");
    }

    @Test
    void tightensADirectoryOthersCanReadButNotWrite() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("readable"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        TrustedDir.require(dir, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void refusesADirectoryOthersCanWriteTo() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> TrustedDir.require(dir, false)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("pgtestkit will not use " + dir)
                .hasMessageContaining("other users can write to it (mode rwxrwxrwx)")
                .hasMessageContaining("withBaseDirectory");
    }

    @Test
    void refusesASymbolicLink() throws IOException {
        Path target = Files.createDirectory(tmp.resolve("elsewhere"));
        Path link = Files.createSymbolicLink(tmp.resolve("link"), target);
        assertThatThrownBy(() -> TrustedDir.require(link, false)).hasMessageContaining("it is a symbolic link");
    }

    @Test
    void refusesADirectoryAnotherUserOwns() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("planted"));
        try {
            Files.setAttribute(dir, "unix:uid", 65534); // nobody; only root may give a file away
        } catch (IOException | UnsupportedOperationException e) {
            assumeThat(false).as("needs root to give the directory to another user").isTrue();
        }
        assertThatThrownBy(() -> TrustedDir.require(dir, true)).isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("it belongs to user '");
    }

    @Test
    void neverTakesAnUnrelatedProcessForAServer() {
        ProcessHandle me = ProcessHandle.current();
        Instant started = me.info().startInstant().orElse(Instant.now());
        assertThat(Postmasters.verified(me.pid(), tmp.resolve("data"), started, Duration.ofMinutes(1))).isEmpty();
        assertThat(Postmasters.verified(Long.MAX_VALUE - 1, tmp.resolve("data"), started, Duration.ofMinutes(1)))
                .isEmpty();
    }
}
