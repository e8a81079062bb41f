package dev.pgtestkit.sync;

import java.util.Objects;

/**
 * How {@link Restorer} restores. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Defaults: 2 parallel connections, the old target dropped after the swap, production targets refused, connected
 * sessions reported (the restore fails, naming them, rather than cut them off), no listener.
 */
public final class RestoreOptions {

    private final int jobs;
    private final boolean keepOld;
    private final boolean production;
    private final boolean allowProduction;
    private final boolean terminateSessions;
    private final boolean serverLocale;
    private final SyncProgressListener listener;

    private RestoreOptions(Builder b) {
        this.jobs = b.jobs;
        this.keepOld = b.keepOld;
        this.production = b.production;
        this.allowProduction = b.allowProduction;
        this.terminateSessions = b.terminateSessions;
        this.serverLocale = b.serverLocale;
        this.listener = b.listener;
    }

    public static RestoreOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int jobs() {
        return jobs;
    }

    public boolean keepOld() {
        return keepOld;
    }

    public boolean production() {
        return production;
    }

    public boolean allowProduction() {
        return allowProduction;
    }

    /** Whether the database is created with the server's default encoding and locale instead of the dump's. */
    public boolean serverLocale() {
        return serverLocale;
    }

    public boolean terminateSessions() {
        return terminateSessions;
    }

    public SyncProgressListener listener() {
        return listener;
    }

    /** Builds {@link RestoreOptions}. */
    public static final class Builder {

        private int jobs = 2;
        private boolean keepOld;
        private boolean production;
        private boolean allowProduction;
        private boolean terminateSessions;
        private boolean serverLocale;
        private SyncProgressListener listener = SyncProgressListener.NONE;

        private Builder() {
        }

        /** Parallel connections loading data and building indexes (default 2). */
        public Builder jobs(int jobs) {
            if (jobs < 1) {
                throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
            }
            this.jobs = jobs;
            return this;
        }

        /** Keeps the replaced target under a new name (in {@link RestoreResult#oldDatabase()}) instead of dropping it. */
        public Builder keepOld(boolean keepOld) {
            this.keepOld = keepOld;
            return this;
        }

        /**
         * The configuration says the target's role is production. A target is also production when its comment
         * holds {@value Restorer#PRODUCTION_MARKER}. Either refuses the restore unless {@link #allowProduction}.
         */
        public Builder production(boolean production) {
            this.production = production;
            return this;
        }

        /** The explicit flag that lets a restore replace a production database. */
        public Builder allowProduction(boolean allow) {
            this.allowProduction = allow;
            return this;
        }

        /** Terminates sessions connected to the target before the swap (they are reported either way). */
        public Builder terminateSessions(boolean terminate) {
            this.terminateSessions = terminate;
            return this;
        }

        /**
         * Create the database with the server's default encoding and locale rather than the dump source's (recorded in
         * its manifest), for a server that lacks the source's locale; default false. Sorting and character
         * classification then follow the server's locale, and a value the encoding cannot hold fails the restore.
         */
        public Builder serverLocale(boolean serverLocale) {
            this.serverLocale = serverLocale;
            return this;
        }

        public Builder listener(SyncProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public RestoreOptions build() {
            return new RestoreOptions(this);
        }
    }
}
