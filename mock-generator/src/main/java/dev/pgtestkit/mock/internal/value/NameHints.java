package dev.pgtestkit.mock.internal.value;

import dev.pgtestkit.mock.internal.value.Hint.Json;
import dev.pgtestkit.mock.internal.value.Hint.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Heuristics from column (and table) names: {@code email} gets emails, {@code price} a price range,
 * {@code deleted_at} is mostly NULL and after {@code created_at}. Names are split into lower-case words
 * ({@code stripeCustomerId} and {@code stripe_customer_id} both give stripe, customer, id).
 */
public final class NameHints {

    private static final Set<String> PERSON_TABLES = Set.of("users", "user", "customers", "customer", "employees",
            "employee", "people", "persons", "person", "members", "member", "contacts", "contact", "authors",
            "students", "teachers", "patients", "accounts_users", "admins", "staff");
    private static final Set<String> COMPANY_TABLES = Set.of("companies", "company", "organizations",
            "organisations", "orgs", "accounts", "account", "vendors", "suppliers", "tenants", "clients");
    private static final Set<String> LATER = Set.of("updated", "modified", "deleted", "completed", "canceled",
            "cancelled", "archived", "expires", "expired", "ended", "shipped", "delivered", "resolved", "closed",
            "processed", "notified", "last", "finished", "paid", "revoked", "left", "used", "verified");
    private static final Set<String> RARE_EVENTS = Set.of("deleted", "canceled", "cancelled", "archived", "left",
            "ended", "revoked", "error", "failed");

    private NameHints() {
    }

    public static Hint forColumn(String table, String column, boolean numeric, boolean temporal) {
        List<String> words = words(column);
        Hint hint = Hint.NONE;
        if (words.stream().anyMatch(RARE_EVENTS::contains)) {
            hint = hint.withNullFraction(0.7);
        }
        if (temporal || (numeric && isTimeLike(words))) {
            hint = temporal(hint, words, temporal);
        }
        if (numeric && hint.temporal() == Temporal.NONE) {
            return NumberHints.of(hint, words);
        }
        return text(hint.withTrueProbability(trueProbability(words)).withJson(json(words)), table, words);
    }

    /** Lower-case words of a snake_case or camelCase name. */
    static List<String> words(String name) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return Arrays.stream(snake.split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
    }

    private static boolean isTimeLike(List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        return Set.of("at", "timestamp", "deadline", "time", "date", "on", "login").contains(last)
                || (words.contains("last") && words.contains("login"));
    }

    private static Hint temporal(Hint hint, List<String> words, boolean trueTemporal) {
        Hint h = trueTemporal ? hint : hint.withTemporal(Temporal.EPOCH_MILLIS);
        if (words.contains("birth") || words.contains("birthday") || words.contains("dob")) {
            return h.withTemporal(Temporal.BIRTH);
        }
        if (trueTemporal && words.stream().anyMatch(w -> Set.of("expires", "expiry", "expiration", "expire", "due",
                "deadline", "until").contains(w))) {
            return h.withTemporal(Temporal.FUTURE);
        }
        if (words.stream().anyMatch(LATER::contains)) {
            return trueTemporal ? h.withTemporal(Temporal.AFTER_CREATED) : h;
        }
        return h;
    }

    private static double trueProbability(List<String> words) {
        if (words.stream().anyMatch(w -> Set.of("deleted", "archived", "admin", "pinned", "encrypted", "liked",
                "blocked", "banned", "deprecated", "approved", "done").contains(w))) {
            return 0.15;
        }
        if (words.stream().anyMatch(w -> Set.of("active", "enabled", "verified", "visible", "show", "published",
                "available", "valid").contains(w))) {
            return 0.85;
        }
        return 0.5;
    }

    private static Json json(List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        return switch (last) {
            case "urls", "links", "images", "attachments", "documents" -> Json.URL_LIST;
            case "tags", "labels", "jargons", "keywords", "topics", "skills" -> Json.WORD_LIST;
            case "days" -> Json.DAY_LIST;
            case "entities", "participants", "names", "assignees" -> Json.NAME_LIST;
            case "permissions", "scopes", "roles" -> Json.PERMISSIONS;
            case "settings", "preferences", "prefs", "config", "configuration", "options" -> Json.SETTINGS;
            case "address", "location", "geo" -> Json.ADDRESS;
            case "metadata", "meta", "attributes", "attrs", "properties", "props", "extra", "details", "context",
                 "payload", "data", "info" -> Json.METADATA;
            default -> Json.OBJECT;
        };
    }

    private static Hint text(Hint hint, String table, List<String> words) {
        String joined = String.join("_", words);
        FakeKind kind = TextHints.kind(joined, words);
        if (kind == null && joined.equals("name")) {
            kind = tableNameKind(table);
        }
        if (kind == FakeKind.EXTERNAL_ID) {
            return hint.withIdPrefix(TextHints.idPrefix(words));
        }
        if (kind == FakeKind.CLASS_NAME) {
            return hint.withIdPrefix(className(table) + "::").withText(kind);
        }
        return hint.withText(kind);
    }

    /** {@code media_attachments} gives {@code MediaAttachment}. */
    private static String className(String table) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(table)) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        String name = sb.toString();
        if (name.endsWith("ies")) {
            return name.substring(0, name.length() - 3) + "y";
        }
        return name.endsWith("s") && !name.endsWith("ss") ? name.substring(0, name.length() - 1) : name;
    }

    private static FakeKind tableNameKind(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        if (PERSON_TABLES.contains(t)) {
            return FakeKind.FULL_NAME;
        }
        if (COMPANY_TABLES.contains(t)) {
            return FakeKind.COMPANY;
        }
        if (t.contains("product") || t.contains("item")) {
            return FakeKind.PRODUCT;
        }
        if (t.contains("department")) {
            return FakeKind.DEPARTMENT;
        }
        if (t.contains("categor") || t.contains("tag") || t.contains("genre")) {
            return FakeKind.DEPARTMENT;
        }
        return t.contains("cit") ? FakeKind.CITY : FakeKind.LABEL;
    }
}
