package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.RedactionRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanRedactionTest {

    private static QueryPlan plan(String filter) {
        return new QueryPlan("[{\"Plan\": {\"Node Type\": \"Seq Scan\", \"Filter\": \"" + filter + "\"}}]",
                QueryPlan.Mode.BOUND_VALUES, "Seq Scan");
    }

    @Test
    void secretLiteralsInPlansBecomeStars() {
        QueryPlan redacted = PlanRedaction.redact(plan("(password = 'it''s \\\\\\\"x'::text)"), List.of("it's \\\"x"));
        assertThat(redacted.json()).contains("(password = '***'::text)").doesNotContain("it''s");
    }

    @Test
    void aPlanStillShowingTheSecretIsWithheld() {
        QueryPlan withheld = PlanRedaction.redact(plan("(lower(password) ~~ 'abc%'::text)"), List.of("abc"));
        assertThat(withheld.isAvailable()).isFalse();
        assertThat(withheld.summary()).isEqualTo("withheld: the plan would show a secret value");
    }

    @Test
    void secretsAreTheInlinedConstantsAndTheSecretBoundValues() {
        SqlInfo info = SqlInfo.analyze("SELECT * FROM u WHERE password = E'p\\'w' AND token = $$t0k$$ AND name = ?"
                + " AND api_key = ?", true, RedactionRules.defaults(), null);
        assertThat(PlanRedaction.secrets(info, new Object[] {"bob", "k3y"})).containsExactly("p'w", "t0k", "k3y");
    }
}
