package dev.pgtestkit.querylog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.querylog.RedactionRules;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SchemaQualificationTest {

    /** users and orders resolve to public; audit.events is only in audit (not on the search path). */
    private static final Function<String, String> SCHEMA_OF = Map.of("users", "public", "orders", "public")::get;

    private static String normalized(String sql, Function<String, String> schemaOf) {
        return SqlInfo.analyze(sql, true, RedactionRules.defaults(), schemaOf, null).normalized;
    }

    @Test
    void aQualifierTheSearchPathResolvesToAnywayIsLeftOut() {
        assertThat(normalized("SELECT * FROM public.users WHERE id = ?", SCHEMA_OF))
                .isEqualTo(normalized("SELECT * FROM users WHERE id = ?", SCHEMA_OF));
        assertThat(normalized("INSERT INTO \"public\".users (id) VALUES (?)", SCHEMA_OF))
                .isEqualTo(normalized("INSERT INTO users (id) VALUES (?)", SCHEMA_OF));
        assertThat(normalized("SELECT * FROM users u JOIN public.orders o ON o.id = u.id", SCHEMA_OF))
                .isEqualTo(normalized("SELECT * FROM users u JOIN orders o ON o.id = u.id", SCHEMA_OF));
    }

    @Test
    void otherQualifiersAndAliasesStay() {
        assertThat(normalized("SELECT * FROM audit.events", SCHEMA_OF)).contains("audit.events");
        assertThat(normalized("SELECT * FROM other.users", SCHEMA_OF)).contains("other.users");
        assertThat(normalized("SELECT u.id FROM users u", SCHEMA_OF)).contains("u.id");
    }

    @Test
    void withoutACatalogQualifiersStay() {
        assertThat(normalized("SELECT * FROM public.users", null)).contains("public.users");
    }
}
