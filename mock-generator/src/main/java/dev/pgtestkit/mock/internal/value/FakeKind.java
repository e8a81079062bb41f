package dev.pgtestkit.mock.internal.value;

import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Kinds of realistic text, chosen from a column's name. Kinds with a Datafaker source are drawn from a pool
 * built once per generator (seeded, so deterministic); the others are composed from pools by {@link FakeText}.
 */
public enum FakeKind {
    FIRST_NAME(f -> f.name().firstName(), 1024),
    LAST_NAME(f -> f.name().lastName(), 1024),
    FULL_NAME(null, 0),
    EMAIL(null, 0),
    USERNAME(null, 0),
    PHONE(f -> f.phoneNumber().cellPhone(), 1024),
    STREET(f -> f.address().streetAddress(), 1024),
    CITY(f -> f.address().city(), 512),
    STATE(f -> f.address().state(), 128),
    ZIP(f -> f.address().zipCode(), 1024),
    COUNTRY(f -> f.address().country(), 256),
    COUNTRY_CODE(f -> f.address().countryCode(), 256),
    COMPANY(f -> f.company().name(), 512),
    DOMAIN(f -> f.internet().domainWord() + "." + f.internet().domainSuffix(), 256),
    URL(null, 0),
    URL_PATH(null, 0),
    TITLE(f -> f.book().title(), 512),
    SENTENCE(f -> f.lorem().sentence(), 1024),
    PARAGRAPH(f -> f.lorem().paragraph(), 256),
    WORD(f -> f.lorem().word(), 512),
    LABEL(f -> capitalize(f.hacker().adjective()) + " " + f.hacker().noun(), 512),
    JOB_TITLE(f -> f.job().title(), 512),
    PRODUCT(f -> f.commerce().productName(), 1024),
    DEPARTMENT(f -> f.commerce().department(), 256),
    COLOR(f -> f.color().name(), 128),
    CURRENCY(f -> f.money().currencyCode(), 128),
    LANGUAGE(f -> f.nation().language(), 128),
    LANGUAGE_CODE(f -> f.options().option("en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "ja", "zh", "ko", "ru",
            "ar", "hi", "tr", "da", "fi", "cs", "el"), 64),
    LOCALE(f -> f.options().option("en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "it-IT", "pt-BR", "nl-NL", "ja-JP",
            "zh-CN", "sv-SE", "pl-PL", "en-CA", "fr-CA"), 64),
    MIME_TYPE(f -> f.options().option("image/png", "image/jpeg", "image/webp", "application/pdf", "video/mp4",
            "text/plain", "text/csv", "application/json", "audio/mpeg", "application/zip"), 64),
    /** The class-like name of a single-table-inheritance {@code type} column (after the table's class prefix). */
    CLASS_NAME(f -> f.options().option("Image", "Video", "Document", "Audio", "Link", "Archive"), 64),
    TYPE_WORD(f -> f.options().option("standard", "basic", "premium", "internal", "external", "mobile", "desktop",
            "web", "other"), 64),
    TIMEZONE(f -> f.address().timeZone(), 256),
    USER_AGENT(f -> f.internet().userAgent(), 256),
    IP_ADDRESS(null, 0),
    HTTP_METHOD(null, 0),
    ERROR_TYPE(null, 0),
    STATUS(null, 0),
    TIER(null, 0),
    LEVEL(null, 0),
    TOKEN(null, 0),
    PASSWORD_HASH(null, 0),
    CODE(null, 0),
    EXTERNAL_ID(null, 0),
    SLUG(null, 0);

    @SuppressWarnings("ImmutableEnumChecker") // stateless method references into Datafaker
    private final Function<Faker, String> source;
    private final int poolSize;

    FakeKind(Function<Faker, String> source, int poolSize) {
        this.source = source;
        this.poolSize = poolSize;
    }

    /** The Datafaker call behind a pooled kind, or {@code null} for composed kinds. */
    Function<Faker, String> source() {
        return source;
    }

    int poolSize() {
        return poolSize;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
