package dev.pgtestkit.sync;

import dev.pgtestkit.core.schema.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where things are in a dump directory:
 *
 * <pre>
 * manifest.json              format version, source, snapshot time, hashes, every file with rows/bytes/SHA-256
 * schema/pre-data.sql        what the data needs: schemas, types, tables, sequences, functions, ...
 * schema/post-data.sql       what comes after the data: indexes, constraints, triggers, ...
 * data/public.users.tsv      COPY text, sorted by primary key
 * data/public.events.001.tsv numbered chunks when a table passes the chunk size (default 50 MB)
 * </pre>
 */
public final class DumpLayout {

    /** The manifest, at the top of the dump directory. */
    public static final String MANIFEST = "manifest.json";
    /** The pre-data schema script. */
    public static final String PRE_DATA = "schema/pre-data.sql";
    /** The post-data schema script. */
    public static final String POST_DATA = "schema/post-data.sql";
    /** The directory of the data files. */
    public static final String DATA = "data";

    private DumpLayout() {
    }

    /**
     * The data file of {@code table}: {@code data/<schema>.<table>.tsv}, or with {@code chunk} (1, 2, ...)
     * {@code data/<schema>.<table>.001.tsv}; {@code chunk} 0 means unchunked. Characters other than letters,
     * digits, {@code _} and {@code -} are written as {@code %XX} (UTF-8), so every name gives a distinct, portable
     * file name ({@code .} in a name is {@code %2E}).
     */
    public static String dataFile(QualifiedName table, int chunk) {
        String base = DATA + "/" + encode(table.schema()) + "." + encode(table.name());
        return chunk == 0 ? base + ".tsv" : base + String.format(Locale.ROOT, ".%03d.tsv", chunk);
    }

    private static String encode(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
