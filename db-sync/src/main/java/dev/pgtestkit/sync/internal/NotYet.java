package dev.pgtestkit.sync.internal;

/** Marks behaviour the API declares that this build does not have yet (removed as each part lands). */
public final class NotYet {

    private NotYet() {
    }

    public static UnsupportedOperationException implemented(String what) {
        return new UnsupportedOperationException(what + " is not implemented yet");
    }
}
