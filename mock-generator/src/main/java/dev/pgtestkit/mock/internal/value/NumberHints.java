package dev.pgtestkit.mock.internal.value;

import java.util.List;
import java.util.Set;

/** Natural ranges for numeric columns by name: prices, percentages, counts, ages, hours, HTTP codes... */
final class NumberHints {

    private NumberHints() {
    }

    static Hint of(Hint hint, List<String> words) {
        String last = words.isEmpty() ? "" : words.get(words.size() - 1);
        Hint measured = measured(hint, words, last);
        if (measured != null) {
            return measured;
        }
        if ((words.contains("status") && words.contains("code")) || last.equals("http")) {
            return hint.withChoices(200, 200, 200, 201, 204, 301, 400, 401, 403, 404, 422, 500, 503);
        }
        if (any(words, "count", "quantity", "qty", "stock", "attempts", "retries", "processed", "failed")
                || (words.contains("total") && words.size() > 1)) {
            return hint.withRange(0, 100);
        }
        if (any(words, "price", "amount", "fee", "charge")) {
            return hint.withRange(1, 100);
        }
        if (any(words, "cost", "balance", "subtotal", "total")) {
            return hint.withRange(1, 1000);
        }
        if (any(words, "salary", "income", "wage", "revenue")) {
            return hint.withRange(30_000, 200_000);
        }
        if (any(words, "pct", "percent", "percentage", "discount", "progress")) {
            return hint.withRange(0, 100);
        }
        return time(hint, words, last);
    }

    /**
     * Flags stored as integers (0/1), rates (fractions, or hourly amounts), durations by their unit, lengths in
     * minutes; {@code null} when the name is none of these.
     */
    private static Hint measured(Hint hint, List<String> words, String last) {
        String first = words.isEmpty() ? "" : words.get(0);
        if (first.equals("is") || first.equals("has") || (words.size() == 1 && Set.of("active", "enabled", "flag",
                "deleted", "visible", "verified", "archived").contains(last))) {
            return hint.withRange(0, 1);
        }
        if (last.equals("rate")) {
            if (any(words, "hourly", "daily", "day", "hour")) {
                return hint.withRange(10, 150);
            }
            return any(words, "discount", "tax", "interest", "conversion", "exchange", "commission", "error",
                    "success", "churn", "vat") ? hint.withRange(0, 1) : hint.withRange(1, 10);
        }
        if (words.contains("duration")) {
            return duration(hint, words);
        }
        if (last.equals("length")) {
            return hint.withRange(20, 200);
        }
        return null;
    }

    private static Hint duration(Hint hint, List<String> words) {
        if (any(words, "minutes", "minute", "mins", "min")) {
            return hint.withRange(5, 240);
        }
        if (any(words, "seconds", "second", "secs", "sec", "s")) {
            return hint.withRange(10, 7200);
        }
        if (any(words, "ms", "millis", "milliseconds")) {
            return hint.withRange(100, 600_000);
        }
        if (any(words, "hours", "hour", "h")) {
            return hint.withRange(1, 12);
        }
        return hint.withRange(1, 14);
    }

    private static Hint time(Hint hint, List<String> words, String last) {
        if (words.contains("hour")) {
            return hint.withRange(words.contains("end") ? 13 : 6, words.contains("start") ? 12 : 23);
        }
        return switch (last) {
            case "age" -> hint.withRange(18, 90);
            case "year" -> hint.withRange(1990, 2030);
            case "minute", "minutes", "second", "seconds" -> hint.withRange(0, 59);
            case "month" -> hint.withRange(1, 12);
            case "day" -> hint.withRange(1, 28);
            case "ms", "millis", "duration", "latency", "elapsed" -> hint.withRange(1, 5000);
            case "rating", "score", "stars" -> hint.withRange(1, 5);
            case "latitude", "lat" -> hint.withRange(-90, 90);
            case "longitude", "lon", "lng" -> hint.withRange(-180, 180);
            case "port" -> hint.withRange(1024, 65535);
            case "priority", "rank", "order", "position", "seq", "no", "number" -> hint.withRange(1, 10);
            default -> hint;
        };
    }

    private static boolean any(List<String> words, String... candidates) {
        Set<String> set = Set.of(candidates);
        return words.stream().anyMatch(set::contains);
    }
}
