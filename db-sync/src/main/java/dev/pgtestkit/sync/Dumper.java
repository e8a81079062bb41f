package dev.pgtestkit.sync;

import dev.pgtestkit.sync.internal.dump.DumpRun;
import java.nio.file.Path;

/**
 * Dumps a database into a dump directory ({@link DumpLayout}): one consistent snapshot shared by parallel
 * connections, each table's rows sorted by primary key in COPY text with pinned settings (the same data always gives
 * the same bytes), masked on the way out, written beside the target and moved into place only when complete.
 *
 * <pre>{@code
 * DumpManifest manifest = Dumper.dump(PgDatabase.of(url, user, password), Path.of("dumps/app"),
 *         DumpOptions.builder().jobs(4).masking(MaskingPolicy.read(policyFile))
 *                 .maskingKey(MaskingKey.fromEnvironment()).production(true).build());
 * }</pre>
 */
public final class Dumper {

    private Dumper() {
    }

    /**
     * Dumps {@code source} into {@code directory}, replacing a dump already there only once the new one is complete.
     *
     * @return the manifest written
     * @throws DumpException on a database or I/O failure (no partial directory is left; a previous dump stays)
     * @throws UnmaskedColumnsException when a production source has undecided sensitive-looking columns
     * @throws MaskingException when the policy names an unknown column or a transform the column cannot take
     */
    public static DumpManifest dump(PgDatabase source, Path directory, DumpOptions options) {
        return new DumpRun(source, directory, options).run();
    }

    /** {@link #dump(PgDatabase, Path, DumpOptions)} with {@link DumpOptions#defaults()}. */
    public static DumpManifest dump(PgDatabase source, Path directory) {
        return dump(source, directory, DumpOptions.defaults());
    }
}
