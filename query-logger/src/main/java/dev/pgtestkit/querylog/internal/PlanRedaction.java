package dev.pgtestkit.querylog.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps secrets out of plans: the server prints constants in filters ({@code (password = 'hunter2'::text)}), both
 * inlined ones and, before PostgreSQL 16, bound ones. Each secret's SQL literal is replaced by {@code '***'}; when
 * the value still shows anywhere after that, the plan is withheld rather than shown.
 */
final class PlanRedaction {

    private static final JsonStringEncoder JSON = JsonStringEncoder.getInstance();

    private PlanRedaction() {
    }

    /** The secret values of an execution: inlined constants of secret columns, and secret bound values. */
    static List<String> secrets(SqlInfo info, Object[] boundValues) {
        List<String> secrets = new ArrayList<>(info.secretConstants);
        for (int i = 0; i < boundValues.length; i++) {
            if (info.isSecretParameter(i + 1) && boundValues[i] != null) {
                secrets.add(boundValues[i].toString());
            }
        }
        return secrets;
    }

    static QueryPlan redact(QueryPlan plan, List<String> secrets) {
        if (secrets.isEmpty()) {
            return plan;
        }
        if (!plan.isAvailable()) { // the reason may quote the server's error message, and the value in it
            String reason = plan.summary();
            for (String secret : secrets) {
                reason = secret.isEmpty() ? reason : reason.replace(secret, QueryEvent.REDACTED);
            }
            return QueryPlan.unavailable(reason);
        }
        String json = plan.json();
        for (String secret : secrets) {
            String literal = "'" + secret.replace("'", "''") + "'";
            json = json.replace(new String(JSON.quoteAsString(literal)), "'" + QueryEvent.REDACTED + "'");
        }
        for (String secret : secrets) {
            if (!secret.isEmpty() && json.contains(new String(JSON.quoteAsString(secret)))) {
                return QueryPlan.unavailable("withheld: the plan would show a secret value");
            }
        }
        return new QueryPlan(json, plan.mode(), PlanText.summary(json));
    }
}
