package dev.pgtestkit.querylog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/** Reads {@code EXPLAIN (FORMAT JSON)} output: a one-line summary and an indented tree like psql's text plans. */
public final class PlanText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PlanText() {
    }

    /** {@code Index Scan using users_pkey on users (cost=0.15..8.17 rows=1)}; the JSON's first line if unreadable. */
    public static String summary(String json) {
        JsonNode plan = topPlan(json);
        return plan == null ? json.lines().findFirst().orElse("") : node(plan);
    }

    /** The whole plan, one node per line, children indented under {@code ->}. */
    public static String tree(String json) {
        JsonNode plan = topPlan(json);
        if (plan == null) {
            return json;
        }
        StringBuilder out = new StringBuilder();
        appendTree(plan, 0, out);
        return out.toString();
    }

    private static void appendTree(JsonNode plan, int depth, StringBuilder out) {
        if (depth > 0) {
            out.append("  ".repeat(depth - 1)).append("-> ");
        }
        out.append(node(plan)).append('\n');
        for (String condition : new String[] {"Index Cond", "Hash Cond", "Join Filter", "Filter", "Sort Key"}) {
            JsonNode value = plan.get(condition);
            if (value != null) {
                out.append("  ".repeat(depth + 1)).append(condition).append(": ")
                        .append(value.isArray() ? value.toString() : value.asText()).append('\n');
            }
        }
        for (JsonNode child : plan.path("Plans")) {
            appendTree(child, depth + 1, out);
        }
    }

    private static String node(JsonNode plan) {
        String type = plan.path("Node Type").asText("?");
        // psql prints ModifyTable nodes by their operation: "Insert on audit"
        StringBuilder text = new StringBuilder(type.equals("ModifyTable") ? plan.path("Operation").asText(type) : type);
        if (plan.has("Index Name")) {
            text.append(" using ").append(plan.get("Index Name").asText());
        }
        if (plan.has("Relation Name")) {
            text.append(" on ").append(plan.get("Relation Name").asText());
            String alias = plan.path("Alias").asText("");
            if (!alias.isEmpty() && !alias.equals(plan.get("Relation Name").asText())) {
                text.append(' ').append(alias);
            }
        }
        return text.append(String.format(Locale.ROOT, " (cost=%.2f..%.2f rows=%d)",
                plan.path("Startup Cost").asDouble(), plan.path("Total Cost").asDouble(),
                plan.path("Plan Rows").asLong())).toString();
    }

    private static JsonNode topPlan(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode first = root.isArray() ? root.path(0) : root;
            JsonNode plan = first.get("Plan");
            return plan == null || plan.isMissingNode() ? null : plan;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
