package dev.pgtestkit.sync;

import java.util.Objects;

/**
 * The encoding and locale of a dump's source database, recorded in its manifest so that a restore creates its
 * database alike (sorting, {@code upper()}, pattern matching and the bytes a value can hold depend on them).
 *
 * @param encoding the server encoding, e.g. {@code UTF8} or {@code LATIN1}
 * @param collate  {@code LC_COLLATE}, e.g. {@code en_US.UTF-8} or {@code C}
 * @param ctype    {@code LC_CTYPE}
 * @param provider the default collation's provider: {@code libc}, {@code icu} or {@code builtin}
 * @param locale   the ICU or built-in locale, or {@code null} for libc
 */
public record DatabaseLocale(String encoding, String collate, String ctype, String provider, String locale) {

    public DatabaseLocale {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(collate, "collate");
        Objects.requireNonNull(ctype, "ctype");
        Objects.requireNonNull(provider, "provider");
    }

    @Override
    public String toString() {
        return "encoding " + encoding + ", LC_COLLATE " + collate + ", LC_CTYPE " + ctype + ", provider " + provider
                + (locale == null ? "" : " (" + locale + ")");
    }
}
