package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.value.OtherType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Sources for the remaining built-in types of a stock server, in their text form: geometry, full-text search,
 * log sequence numbers, transaction ids, object identifiers, multiranges, jsonpath, snapshots.
 */
final class ShapeSources {

    private static final String[] WORDS = {"river", "garden", "station", "museum", "quiet", "open", "north",
        "bridge", "coffee", "market", "history", "modern", "family", "view", "harbour", "library", "night",
        "light", "green", "square", "old", "town", "art", "music", "street", "park", "local", "fresh"};

    /** A value each object-identifier type accepts on any server (they must name an existing object). */
    private static final Map<String, String> OBJECT_NAMES = Map.ofEntries(Map.entry("regclass", "pg_class"),
            Map.entry("regtype", "integer"), Map.entry("regproc", "now"), Map.entry("regprocedure", "now()"),
            Map.entry("regoper", "||/"), Map.entry("regoperator", "+(integer,integer)"),
            Map.entry("regnamespace", "public"), Map.entry("regrole", "pg_monitor"),
            Map.entry("regconfig", "english"), Map.entry("regdictionary", "simple"),
            Map.entry("regcollation", "\"C\""));

    private static final long WINDOW_START_DAY = Defaults.WINDOW_START.toEpochDay();

    private ShapeSources() {
    }

    /** The source for {@code type}, or {@code null} when it is none of these. */
    static ValueSource of(OtherType type) {
        return switch (type.kind()) {
            case BOX -> (rng, row) -> {
                double x = coordinate(rng, 180);
                double y = coordinate(rng, 85);
                return "(" + round(x + rng.between(1, 50) / 100.0) + "," + round(y + rng.between(1, 50) / 100.0)
                        + "),(" + round(x) + "," + round(y) + ")";
            };
            case POLYGON -> (rng, row) -> "(" + points(rng, (int) rng.between(3, 6), true) + ")";
            case PATH -> (rng, row) -> rng.nextBoolean() ? "[" + points(rng, (int) rng.between(2, 5), false) + "]"
                    : "(" + points(rng, (int) rng.between(3, 5), true) + ")";
            case LSEG -> (rng, row) -> "[" + points(rng, 2, false) + "]";
            case CIRCLE -> (rng, row) -> "<(" + round(coordinate(rng, 180)) + "," + round(coordinate(rng, 85)) + "),"
                    + rng.between(1, 500) / 100.0 + ">";
            case LINE -> (rng, row) -> "{" + rng.between(1, 9) + "," + -rng.between(1, 9) + "," + rng.between(-50, 50)
                    + "}";
            default -> text(type);
        };
    }

    private static ValueSource text(OtherType type) {
        return switch (type.kind()) {
            case TSVECTOR -> (rng, row) -> words(rng, (int) rng.between(2, 8), " ");
            case TSQUERY -> (rng, row) -> words(rng, (int) rng.between(1, 3), rng.nextBoolean() ? " & " : " | ");
            case JSONPATH -> (rng, row) -> "$." + WORDS[rng.index(WORDS.length)] + "[*]."
                    + WORDS[rng.index(WORDS.length)];
            case PG_LSN -> (rng, row) -> Long.toHexString(rng.between(0, 255)).toUpperCase(Locale.ROOT) + "/"
                    + Long.toHexString(rng.between(0, 0xFFFFFFFFL)).toUpperCase(Locale.ROOT);
            case XID -> (rng, row) -> Long.toString(rng.between(1000, 5_000_000));
            case OID -> (rng, row) -> Long.toString(rng.between(16384, 4_000_000));
            case SNAPSHOT -> (rng, row) -> {
                long xmin = rng.between(1000, 5_000_000);
                return xmin + ":" + (xmin + rng.between(1, 100)) + ":";
            };
            case OBJECT_NAME -> {
                String name = OBJECT_NAMES.get(type.displayName());
                yield name == null ? null : (rng, row) -> name;
            }
            case MULTIRANGE -> multirange(type.displayName());
            default -> null;
        };
    }

    /** One or two ranges of the multirange's element type (the server merges overlapping ones). */
    private static ValueSource multirange(String name) {
        return switch (name) {
            case "int4multirange", "int8multirange" -> (rng, row) -> {
                long lo = rng.between(1, 500);
                long mid = lo + rng.between(1, 50);
                return "{[" + lo + "," + mid + "),[" + (mid + rng.between(1, 50)) + "," + (mid + rng.between(51, 100))
                        + ")}";
            };
            case "nummultirange" -> (rng, row) -> {
                long lo = rng.between(100, 10_000);
                return "{[" + lo / 100.0 + "," + (lo + rng.between(1, 5000)) / 100.0 + ")}";
            };
            case "datemultirange" -> (rng, row) -> {
                LocalDate start = LocalDate.ofEpochDay(WINDOW_START_DAY + rng.between(0, 600));
                LocalDate end = start.plusDays(rng.between(1, 90));
                return "{[" + start + "," + end + "),[" + end.plusDays(rng.between(30, 90)) + ","
                        + end.plusDays(rng.between(91, 200)) + ")}";
            };
            case "tsmultirange", "tstzmultirange" -> (rng, row) -> {
                LocalDate day = LocalDate.ofEpochDay(WINDOW_START_DAY + rng.between(0, 600));
                long hour = rng.between(6, 12);
                return "{[\"" + day + " " + hour + ":00:00\",\"" + day + " " + (hour + rng.between(1, 6))
                        + ":00:00\")}";
            };
            default -> null;
        };
    }

    private static String words(Rng rng, int n, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : separator).append(WORDS[rng.index(WORDS.length)]);
        }
        return sb.toString();
    }

    /** {@code n} points around one centre; closed shapes go around it so they do not cross themselves. */
    private static String points(Rng rng, int n, boolean around) {
        double x = coordinate(rng, 179);
        double y = coordinate(rng, 84);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            double angle = around ? 2 * Math.PI * i / n : rng.nextDouble() * 2 * Math.PI;
            double r = rng.between(5, 100) / 100.0;
            sb.append(i == 0 ? "" : ",").append('(').append(round(x + r * Math.cos(angle))).append(',')
                    .append(round(y + r * Math.sin(angle))).append(')');
        }
        return sb.toString();
    }

    private static double coordinate(Rng rng, int range) {
        return rng.between(-range * 100L, range * 100L) / 100.0;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
