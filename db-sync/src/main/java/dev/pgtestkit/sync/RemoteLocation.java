package dev.pgtestkit.sync;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where another machine keeps its dumps: {@code [user@]host[:path]} (scp's form) or
 * {@code ssh://[user@]host[:port][/path]}. The host may be an alias of {@code ~/.ssh/config}, which then supplies
 * the real host name, port, user and identity files.
 *
 * @param user the login name, or {@code null} for the one {@code ~/.ssh/config} or the local user name gives
 * @param host a host name, address or {@code ~/.ssh/config} alias
 * @param port the port, or 0 for the one {@code ~/.ssh/config} gives (22 by default)
 * @param path the remote dump directory (relative paths start at the remote home), or {@code null} for the same
 *     path as the local dump directory
 */
public record RemoteLocation(String user, String host, int port, String path) {

    private static final Pattern SCP = Pattern.compile("(?:([^@/:\\s]+)@)?([^@/:\\s]+|\\[[0-9a-fA-F:.]+\\])(?::(.*))?");
    private static final Pattern URI = Pattern.compile(
            "ssh://(?:([^@/:\\s]+)@)?([^@/:\\s\\[]+|\\[[0-9a-fA-F:.]+\\])(?::([0-9]{1,5}))?(/.*)?");

    public RemoteLocation {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
        path = path == null || path.isEmpty() ? null : path;
    }

    /**
     * Parses {@code [user@]host[:path]} or {@code ssh://[user@]host[:port][/path]}.
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is neither
     */
    public static RemoteLocation parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher uri = URI.matcher(s);
        if (uri.matches()) {
            int port = uri.group(3) == null ? 0 : Integer.parseInt(uri.group(3));
            return new RemoteLocation(uri.group(1), unbracket(uri.group(2)), port, uri.group(4));
        }
        Matcher scp = SCP.matcher(s);
        if (!s.startsWith("ssh://") && scp.matches()) {
            return new RemoteLocation(scp.group(1), unbracket(scp.group(2)), 0, scp.group(3));
        }
        throw new IllegalArgumentException("'" + text + "' is not a remote location: write user@host, user@host:path"
                + " or ssh://user@host:port/path (host may be an alias from ~/.ssh/config)");
    }

    /** The same place with another dump directory. */
    public RemoteLocation withPath(String newPath) {
        return new RemoteLocation(user, host, port, newPath);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        String who = user == null ? "" : user + "@";
        if (port != 0) {
            return "ssh://" + who + host + ":" + port + (path == null ? "" : path.startsWith("/") ? path : "/" + path);
        }
        return who + host + (path == null ? "" : ":" + path);
    }
}
