package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The embedded server's base directory ({@code <tmpdir>/pgtestkit} by default) is trusted: pgtestkit runs the
 * binaries it finds there, and stops processes its files name. So it must be the current user's, reachable by no one
 * else: owned by the JVM's user, not a symbolic link, mode 0700 (0755 when the server runs as {@code nobody}, which
 * must reach the binaries; still writable by the owner only). A directory that is too open but not writable by
 * others is tightened; one another user owns or can write to is refused, with what to do.
 */
final class TrustedDir {

    private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    private TrustedDir() {
    }

    /** Creates the directory if missing (with the right mode) and checks it; throws when it cannot be trusted. */
    static void require(Path dir, boolean traversableByOthers) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir);
            return; // Windows: the user's own temp directory is private already
        }
        Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(traversableByOthers ? "rwxr-xr-x"
                : "rwx------");
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(wanted));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // created meanwhile: checked below like any existing directory
            }
            Files.setPosixFilePermissions(dir, wanted); // the umask may have narrowed or widened it
        }
        PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
            throw refused(dir, "it is " + (attributes.isSymbolicLink() ? "a symbolic link" : "not a directory"));
        }
        UserPrincipal me = currentUser(dir);
        if (!attributes.owner().equals(me)) {
            throw refused(dir, "it belongs to user '" + attributes.owner().getName() + "', not to '" + me.getName()
                    + "', who runs this JVM");
        }
        Set<PosixFilePermission> writable = EnumSet.copyOf(attributes.permissions());
        writable.retainAll(OTHERS_WRITE);
        if (!writable.isEmpty()) {
            throw refused(dir, "other users can write to it (mode " + PosixFilePermissions.toString(
                    attributes.permissions()) + ")");
        }
        if (!attributes.permissions().equals(wanted)) {
            Files.setPosixFilePermissions(dir, wanted);
        }
    }

    /** The JVM's user as the file system knows it: the owner of a file it has just created. */
    private static UserPrincipal currentUser(Path near) throws IOException {
        Path probe = Files.createTempFile(near.toAbsolutePath().getParent(), ".pgtestkit-owner", ".tmp");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static ProvisioningException refused(Path dir, String why) {
        return new ProvisioningException("pgtestkit will not use " + dir + " for the embedded PostgreSQL server: "
                + why + ". Another local user could have planted files there (binaries pgtestkit would run, files "
                + "naming processes to stop). Remove it (it only holds extracted binaries and data pgtestkit can "
                + "rebuild) or use a directory of your own: PostgresProvider.embedded().withBaseDirectory(...), or "
                + "-Djava.io.tmpdir=<a directory only you can write to>.", null);
    }
}
