package dev.pgtestkit.querylog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code EXPLAIN (FORMAT JSON)} output: a one-line summary and an indented tree like psql's text plans. Uses
 * Jackson's streaming API only, so any jackson-core 2.13+ a user's build resolves works.
 */
public final class PlanText {

    private static final JsonFactory JSON = new JsonFactory();

    /** A plan node: its scalar fields as text (arrays as JSON text) and its child plans. */
    private record PlanNode(Map<String, String> fields, List<PlanNode> plans) {
        String text(String field, String otherwise) {
            return fields.getOrDefault(field, otherwise);
        }

        double number(String field) {
            return Double.parseDouble(fields.getOrDefault(field, "0"));
        }
    }

    private PlanText() {
    }

    /** {@code Index Scan using users_pkey on users (cost=0.15..8.17 rows=1)}; the JSON's first line if unreadable. */
    public static String summary(String json) {
        PlanNode plan = topPlan(json);
        return plan == null ? json.lines().findFirst().orElse("") : node(plan);
    }

    /** The whole plan, one node per line, children indented under {@code ->}. */
    public static String tree(String json) {
        PlanNode plan = topPlan(json);
        if (plan == null) {
            return json;
        }
        StringBuilder out = new StringBuilder();
        appendTree(plan, 0, out);
        return out.toString();
    }

    private static void appendTree(PlanNode plan, int depth, StringBuilder out) {
        if (depth > 0) {
            out.append("  ".repeat(depth - 1)).append("-> ");
        }
        out.append(node(plan)).append('\n');
        for (String condition : new String[] {"Index Cond", "Hash Cond", "Join Filter", "Filter", "Sort Key"}) {
            String value = plan.fields().get(condition);
            if (value != null) {
                out.append("  ".repeat(depth + 1)).append(condition).append(": ").append(value).append('\n');
            }
        }
        for (PlanNode child : plan.plans()) {
            appendTree(child, depth + 1, out);
        }
    }

    private static String node(PlanNode plan) {
        String type = plan.text("Node Type", "?");
        // psql prints ModifyTable nodes by their operation: "Insert on audit"
        StringBuilder text = new StringBuilder(type.equals("ModifyTable") ? plan.text("Operation", type) : type);
        if (plan.fields().containsKey("Index Name")) {
            text.append(" using ").append(plan.text("Index Name", ""));
        }
        String relation = plan.fields().get("Relation Name");
        if (relation != null) {
            text.append(" on ").append(relation);
            String alias = plan.text("Alias", "");
            if (!alias.isEmpty() && !alias.equals(relation)) {
                text.append(' ').append(alias);
            }
        }
        return text.append(String.format(Locale.ROOT, " (cost=%.2f..%.2f rows=%d)", plan.number("Startup Cost"),
                plan.number("Total Cost"), (long) plan.number("Plan Rows"))).toString();
    }

    /** The "Plan" of the first (or only) statement, or null when the text is not such JSON. */
    private static PlanNode topPlan(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY) {
                token = parser.nextToken();
            }
            if (token != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.START_OBJECT && field.equals("Plan")) {
                    return readNode(parser);
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A node whose START_OBJECT is the current token; nested objects other than "Plans" are skipped. */
    private static PlanNode readNode(JsonParser parser) throws IOException {
        Map<String, String> fields = new HashMap<>();
        List<PlanNode> plans = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("Plans") && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    plans.add(readNode(parser));
                }
            } else if (value == JsonToken.START_ARRAY) {
                fields.put(field, arrayText(parser));
            } else if (value == JsonToken.START_OBJECT) {
                parser.skipChildren();
            } else {
                fields.put(field, parser.getText());
            }
        }
        return new PlanNode(fields, plans);
    }

    /** {@code ["a","b"]}: an array of scalars as compact JSON, as psql-like output shows sort keys. */
    private static String arrayText(JsonParser parser) throws IOException {
        List<String> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            items.add(t == JsonToken.VALUE_STRING
                    ? "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(parser.getText())) + "\""
                    : parser.getText());
        }
        return "[" + String.join(",", items) + "]";
    }
}
