package dev.pgtestkit.mock.internal.value;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Text kinds by column name words; the first rule that matches wins. */
final class TextHints {

    private static final Map<String, FakeKind> EXACT = Map.ofEntries(
            Map.entry("email", FakeKind.EMAIL), Map.entry("e_mail", FakeKind.EMAIL), Map.entry("mail", FakeKind.EMAIL),
            Map.entry("ip_address", FakeKind.IP_ADDRESS), Map.entry("ip_addr", FakeKind.IP_ADDRESS),
            Map.entry("first_name", FakeKind.FIRST_NAME), Map.entry("firstname", FakeKind.FIRST_NAME),
            Map.entry("given_name", FakeKind.FIRST_NAME), Map.entry("last_name", FakeKind.LAST_NAME),
            Map.entry("lastname", FakeKind.LAST_NAME), Map.entry("surname", FakeKind.LAST_NAME),
            Map.entry("family_name", FakeKind.LAST_NAME), Map.entry("full_name", FakeKind.FULL_NAME),
            Map.entry("fullname", FakeKind.FULL_NAME), Map.entry("display_name", FakeKind.FULL_NAME),
            Map.entry("author", FakeKind.FULL_NAME), Map.entry("username", FakeKind.USERNAME),
            Map.entry("user_name", FakeKind.USERNAME), Map.entry("login", FakeKind.USERNAME),
            Map.entry("handle", FakeKind.USERNAME), Map.entry("nickname", FakeKind.USERNAME),
            Map.entry("slug", FakeKind.SLUG), Map.entry("sku", FakeKind.CODE), Map.entry("code", FakeKind.CODE),
            Map.entry("method", FakeKind.HTTP_METHOD), Map.entry("http_method", FakeKind.HTTP_METHOD),
            Map.entry("endpoint", FakeKind.URL_PATH), Map.entry("path", FakeKind.URL_PATH),
            Map.entry("route", FakeKind.URL_PATH), Map.entry("user_agent", FakeKind.USER_AGENT),
            Map.entry("error_type", FakeKind.ERROR_TYPE), Map.entry("exception", FakeKind.ERROR_TYPE),
            Map.entry("status", FakeKind.STATUS), Map.entry("domain", FakeKind.DOMAIN),
            Map.entry("job_title", FakeKind.JOB_TITLE), Map.entry("position", FakeKind.JOB_TITLE),
            Map.entry("country_code", FakeKind.COUNTRY_CODE), Map.entry("timezone", FakeKind.TIMEZONE),
            Map.entry("time_zone", FakeKind.TIMEZONE), Map.entry("currency", FakeKind.CURRENCY),
            Map.entry("language", FakeKind.LANGUAGE_CODE), Map.entry("locale", FakeKind.LOCALE),
            Map.entry("language_name", FakeKind.LANGUAGE), Map.entry("content_type", FakeKind.MIME_TYPE),
            Map.entry("mime_type", FakeKind.MIME_TYPE), Map.entry("media_type", FakeKind.MIME_TYPE),
            Map.entry("type", FakeKind.CLASS_NAME));

    private static final Map<String, FakeKind> WORDS = Map.ofEntries(
            Map.entry("email", FakeKind.EMAIL), Map.entry("phone", FakeKind.PHONE), Map.entry("mobile", FakeKind.PHONE),
            Map.entry("telephone", FakeKind.PHONE), Map.entry("fax", FakeKind.PHONE),
            Map.entry("street", FakeKind.STREET), Map.entry("address", FakeKind.STREET),
            Map.entry("city", FakeKind.CITY), Map.entry("town", FakeKind.CITY), Map.entry("state", FakeKind.STATE),
            Map.entry("province", FakeKind.STATE), Map.entry("zip", FakeKind.ZIP), Map.entry("zipcode", FakeKind.ZIP),
            Map.entry("postcode", FakeKind.ZIP), Map.entry("postal", FakeKind.ZIP),
            Map.entry("country", FakeKind.COUNTRY), Map.entry("company", FakeKind.COMPANY),
            Map.entry("organization", FakeKind.COMPANY), Map.entry("employer", FakeKind.COMPANY),
            Map.entry("url", FakeKind.URL), Map.entry("website", FakeKind.URL), Map.entry("homepage", FakeKind.URL),
            Map.entry("link", FakeKind.URL), Map.entry("uri", FakeKind.URL), Map.entry("href", FakeKind.URL),
            Map.entry("title", FakeKind.TITLE), Map.entry("subject", FakeKind.TITLE),
            Map.entry("headline", FakeKind.TITLE), Map.entry("description", FakeKind.PARAGRAPH),
            Map.entry("summary", FakeKind.PARAGRAPH), Map.entry("bio", FakeKind.PARAGRAPH),
            Map.entry("about", FakeKind.PARAGRAPH), Map.entry("content", FakeKind.PARAGRAPH),
            Map.entry("body", FakeKind.PARAGRAPH), Map.entry("transcript", FakeKind.PARAGRAPH),
            Map.entry("prompt", FakeKind.PARAGRAPH), Map.entry("message", FakeKind.SENTENCE),
            Map.entry("reason", FakeKind.SENTENCE), Map.entry("comment", FakeKind.SENTENCE),
            Map.entry("note", FakeKind.SENTENCE), Map.entry("notes", FakeKind.SENTENCE),
            Map.entry("color", FakeKind.COLOR), Map.entry("colour", FakeKind.COLOR), Map.entry("ip", FakeKind.IP_ADDRESS),
            Map.entry("token", FakeKind.TOKEN), Map.entry("hash", FakeKind.TOKEN), Map.entry("secret", FakeKind.TOKEN),
            Map.entry("jti", FakeKind.TOKEN), Map.entry("signature", FakeKind.TOKEN), Map.entry("nonce", FakeKind.TOKEN),
            Map.entry("password", FakeKind.PASSWORD_HASH), Map.entry("role", FakeKind.JOB_TITLE),
            Map.entry("product", FakeKind.PRODUCT), Map.entry("department", FakeKind.DEPARTMENT),
            Map.entry("type", FakeKind.TYPE_WORD), Map.entry("kind", FakeKind.TYPE_WORD),
            Map.entry("currency", FakeKind.CURRENCY), Map.entry("locale", FakeKind.LOCALE),
            Map.entry("language", FakeKind.LANGUAGE_CODE), Map.entry("lang", FakeKind.LANGUAGE_CODE), Map.entry("category", FakeKind.WORD),
            Map.entry("tier", FakeKind.TIER), Map.entry("plan", FakeKind.TIER), Map.entry("level", FakeKind.LEVEL),
            Map.entry("group", FakeKind.WORD), Map.entry("tag", FakeKind.WORD), Map.entry("tags", FakeKind.WORD),
            Map.entry("keywords", FakeKind.WORD), Map.entry("labels", FakeKind.WORD));

    private static final Set<String> ID_WORDS = Set.of("id", "ref", "reference", "uid", "key", "number", "no");

    private TextHints() {
    }

    /** The kind for a column's words, or {@code null} to use the type's default. */
    static FakeKind kind(String joined, List<String> words) {
        FakeKind exact = EXACT.get(joined);
        if (exact != null) {
            return exact;
        }
        if (words.contains("password")) {
            return FakeKind.PASSWORD_HASH;
        }
        if (words.contains("name") && words.size() == 2 && !words.get(0).equals("name")) {
            return nameOf(words.get(0));
        }
        if (!words.isEmpty() && ID_WORDS.contains(words.get(words.size() - 1))) {
            return words.contains("hash") ? FakeKind.TOKEN : FakeKind.EXTERNAL_ID;
        }
        for (int i = words.size() - 1; i >= 0; i--) {
            FakeKind kind = WORDS.get(words.get(i));
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static FakeKind nameOf(String owner) {
        return switch (owner) {
            case "first", "given" -> FakeKind.FIRST_NAME;
            case "last", "family" -> FakeKind.LAST_NAME;
            case "company", "business", "org", "organization", "vendor", "employer" -> FakeKind.COMPANY;
            case "product", "item" -> FakeKind.PRODUCT;
            case "city" -> FakeKind.CITY;
            case "street" -> FakeKind.STREET;
            case "country" -> FakeKind.COUNTRY;
            case "file" -> FakeKind.SLUG;
            case "table", "column", "schema" -> FakeKind.WORD;
            default -> FakeKind.FULL_NAME;
        };
    }

    /** {@code stripe_customer_id} gives {@code cus_}, {@code keep_note_id} gives {@code note_}. */
    static String idPrefix(List<String> words) {
        if (words.size() < 2) {
            return "id_";
        }
        String owner = words.get(words.size() - 2);
        return (owner.length() > 4 ? owner.substring(0, 3) : owner) + "_";
    }
}
