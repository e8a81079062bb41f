package dev.pgtestkit.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Dumper} dumps. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults: every table of every non-system schema, 2 parallel connections, 50 MB chunks, no masking, the built-in
 * schema writer, not production, no listener.
 */
public final class DumpOptions {

    /** The default size past which a table's data is split into numbered files: 50 MB. */
    public static final long DEFAULT_CHUNK_BYTES = 50L * 1024 * 1024;

    private final List<String> include;
    private final List<String> exclude;
    private final Map<String, String> where;
    private final int jobs;
    private final long chunkBytes;
    private final MaskingPolicy masking;
    private final MaskingKey maskingKey;
    private final boolean production;
    private final boolean allowUnmasked;
    private final SchemaWriterKind schemaWriter;
    private final SyncProgressListener listener;

    private DumpOptions(Builder b) {
        this.include = List.copyOf(b.include);
        this.exclude = List.copyOf(b.exclude);
        this.where = Map.copyOf(b.where);
        this.jobs = b.jobs;
        this.chunkBytes = b.chunkBytes;
        this.masking = b.masking;
        this.maskingKey = b.maskingKey;
        this.production = b.production;
        this.allowUnmasked = b.allowUnmasked;
        this.schemaWriter = b.schemaWriter;
        this.listener = b.listener;
    }

    public static DumpOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Table patterns to dump ({@code schema.table}, {@code *} matches any characters); empty means all. */
    public List<String> include() {
        return include;
    }

    /** Table patterns to leave out. */
    public List<String> exclude() {
        return exclude;
    }

    /** Row filters: table ({@code schema.table}) to an SQL condition. */
    public Map<String, String> where() {
        return where;
    }

    public int jobs() {
        return jobs;
    }

    public long chunkBytes() {
        return chunkBytes;
    }

    /** The masking policy; {@link MaskingPolicy#none()} when none. */
    public MaskingPolicy masking() {
        return masking;
    }

    /** The masking key, or {@code null} when none was given. */
    public MaskingKey maskingKey() {
        return maskingKey;
    }

    public boolean production() {
        return production;
    }

    public boolean allowUnmaskedSensitiveColumns() {
        return allowUnmasked;
    }

    public SchemaWriterKind schemaWriter() {
        return schemaWriter;
    }

    public SyncProgressListener listener() {
        return listener;
    }

    /** Builds {@link DumpOptions}; every setter replaces the previous value. */
    public static final class Builder {

        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private final Map<String, String> where = new LinkedHashMap<>();
        private int jobs = 2;
        private long chunkBytes = DEFAULT_CHUNK_BYTES;
        private MaskingPolicy masking = MaskingPolicy.none();
        private MaskingKey maskingKey;
        private boolean production;
        private boolean allowUnmasked;
        private SchemaWriterKind schemaWriter = SchemaWriterKind.BUILT_IN;
        private SyncProgressListener listener = SyncProgressListener.NONE;

        private Builder() {
        }

        /**
         * Dumps only the tables matching one of the patterns ({@code public.users}, {@code audit.*}, {@code users}
         * for any schema). A table kept out whose rows others reference makes those rows left out too, so the
         * dump stays restorable; the manifest counts them.
         */
        public Builder include(String... tablePatterns) {
            include.addAll(List.of(tablePatterns));
            return this;
        }

        /** Leaves out the tables matching one of the patterns (and, as for {@link #include}, rows referencing them). */
        public Builder exclude(String... tablePatterns) {
            exclude.addAll(List.of(tablePatterns));
            return this;
        }

        /**
         * Dumps only the rows of {@code table} matching {@code condition} (SQL, e.g. {@code created_at > '2024-01-01'});
         * rows of other tables referencing left-out rows are left out as well.
         */
        public Builder where(String table, String condition) {
            where.put(Objects.requireNonNull(table, "table"), Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** Parallel connections sharing the snapshot (default 2). */
        public Builder jobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
            }
            this.jobs = jobs;
            return this;
        }

        /** Size past which a table's data is split into numbered files (default 50 MB). */
        public Builder chunkBytes(long chunkBytes) {
            if (chunkBytes < 1024) {
                throw new IllegalArgumentException("chunkBytes must be at least 1024, got " + chunkBytes);
            }
            this.chunkBytes = chunkBytes;
            return this;
        }

        /** Masks values on the way out; a policy with keyed transforms needs {@link #maskingKey}. */
        public Builder masking(MaskingPolicy policy) {
            this.masking = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder maskingKey(MaskingKey key) {
            this.maskingKey = key;
            return this;
        }

        /**
         * The source's role is production: the dump refuses while a column that looks sensitive (email, name,
         * phone, address, password, token, secret, key, ip, ...) has no decision in the policy, and lists them all
         * ({@link UnmaskedColumnsException}).
         */
        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        /** The explicit override of the production fail-closed rule. */
        public Builder allowUnmaskedSensitiveColumns(boolean allow) {
            this.allowUnmasked = allow;
            return this;
        }

        public Builder schemaWriter(SchemaWriterKind kind) {
            this.schemaWriter = Objects.requireNonNull(kind, "kind");
            return this;
        }

        public Builder listener(SyncProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public DumpOptions build() {
            return new DumpOptions(this);
        }
    }
}
