package dev.pgtestkit.core.testsupport;

import java.util.List;

/**
 * Flyway locations of the shared test schemas (the {@code pgtestkit-core-test-schemas} artifact, test support for
 * every module's tests, the samples and the benchmarks; not part of the toolkit's API). Use them with
 * {@code DatabaseTemplate.builder(server).flywayLocations(SeedSchemas.HARDCASES).build()}.
 */
public final class SeedSchemas {

    /** Keep→Notion sync (seeds 000/001): sync_jobs, sync_state, credentials, sync_logs. */
    public static final String KEEPNOTION = "classpath:db/seeds/keepnotion";

    /**
     * VoiceNote (seed 002): users, notes, tasks, four enums, JSON/JSONB defaults, a partial index;
     * {@code notes.embedding vector(1536)} only where the pgvector extension is available.
     */
    public static final String VOICENOTE = "classpath:db/seeds/voicenote";

    /** AI Error Translator (seed 004): users, api_keys, subscriptions, usage_logs, token_blacklist (UUID keys). */
    public static final String ERRORTRANSLATOR = "classpath:db/seeds/errortranslator";

    /**
     * Hard cases: composite PK/FK, self-reference, FK cycles (one broken by a nullable edge, one only by a
     * deferrable edge), identity, generated columns, domains, enums and enum arrays, a composite type, jsonb,
     * numeric/varchar modifiers, checks of every common form, a partial unique index, NULLS NOT DISTINCT, a
     * partitioned table, {@code public.events} and {@code audit.events}, quoted mixed-case names, one column
     * per common type. Every table can be filled while satisfying all constraints.
     */
    public static final String HARDCASES = "classpath:db/seeds/hardcases";

    /** Accounts and transfers with a deferred foreign key, and a counter row: the test-transaction tests' schema. */
    public static final String ACCOUNTS = "classpath:db/accounts";

    /** The three seed applications (not the hard cases). */
    public static final List<String> APPLICATIONS = List.of(KEEPNOTION, VOICENOTE, ERRORTRANSLATOR);

    /** All four locations. */
    public static final List<String> ALL = List.of(KEEPNOTION, VOICENOTE, ERRORTRANSLATOR, HARDCASES);

    private SeedSchemas() {
    }
}
