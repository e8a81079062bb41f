package dev.pgtestkit.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The pgtestkit version, from the filtered {@code version.properties} of this jar. */
public final class Versions {

    private static final String VERSION = load();

    private Versions() {
    }

    public static String pgtestkit() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Versions.class.getResourceAsStream("/dev/pgtestkit/sync/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
