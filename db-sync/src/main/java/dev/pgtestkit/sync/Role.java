package dev.pgtestkit.sync;

import java.util.Locale;

/** What a configured database is for; decides what the workflows may do to it. */
public enum Role {
    /** Real data: dumped masked, never a restore target without an explicit flag. */
    PRODUCTION,
    /** A disposable copy: the target of restores and of the refresh from production. */
    TEST,
    /** Anything else (staging, a developer's copy): dumped and restored as asked. */
    OTHER;

    /** The name used in {@code pgtestkit.yaml}: {@code production}, {@code test}, {@code other}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
