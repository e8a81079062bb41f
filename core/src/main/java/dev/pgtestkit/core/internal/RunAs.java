package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.ProvisioningException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user the embedded server's processes run as: the JVM's own user, or {@code nobody} when the JVM is root
 * (initdb and postgres refuse to run as root).
 */
record RunAs(Integer uid, Integer gid) {

    private static final String UNPRIVILEGED = "nobody";

    static RunAs current() {
        if (!isRoot()) {
            return new RunAs(null, null);
        }
        int[] ids = lookUp(UNPRIVILEGED);
        return new RunAs(ids[0], ids[1]);
    }

    boolean switchesUser() {
        return uid != null;
    }

    /** Gives the directory to the server's user (no-op when not switching). */
    void handOver(Path dir) throws IOException {
        if (switchesUser()) {
            Files.setAttribute(dir, "unix:uid", uid);
            Files.setAttribute(dir, "unix:gid", gid);
        }
    }

    /**
     * Makes sure the base directory is the JVM user's alone (see {@link TrustedDir}; creating it if needed) and lets
     * the server's user reach the binaries and run directories below it.
     */
    void makeTraversable(Path dir) {
        try {
            TrustedDir.require(dir, switchesUser());
        } catch (IOException e) {
            throw new ProvisioningException("Cannot prepare " + dir + " for the embedded PostgreSQL server (running as '"
                    + UNPRIVILEGED + "'): " + e.getMessage() + ". Choose a directory the JVM owns.", e);
        }
    }

    /** The command, prefixed with a user switch when needed. */
    List<String> wrap(List<String> command) {
        if (!switchesUser()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv(), "--reuid=" + uid, "--regid=" + gid,
                "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static String setpriv() {
        for (String candidate : List.of("/usr/bin/setpriv", "/bin/setpriv", "/usr/sbin/setpriv")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new ProvisioningException("The JVM runs as root, where PostgreSQL refuses to start, and 'setpriv' "
                + "(util-linux) is not installed to run it as '" + UNPRIVILEGED + "'. Install util-linux, run the "
                + "build as a normal user, or set PGTESTKIT_URL to an existing server.", null);
    }

    private static boolean isRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static int[] lookUp(String user) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":", -1);
                if (f.length > 3 && f[0].equals(user)) {
                    return new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])};
                }
            }
        } catch (IOException | NumberFormatException e) {
            // reported below
        }
        throw new ProvisioningException("The JVM runs as root, where PostgreSQL refuses to start, and there is no '"
                + user + "' user to run it as. Create one (useradd " + user + "), run the build as a normal user, or "
                + "set PGTESTKIT_URL to an existing server.", null);
    }
}
