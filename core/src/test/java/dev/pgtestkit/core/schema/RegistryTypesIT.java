package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry lists the enums, domains and composite types a schema declares, whether a column uses them or not. */
class RegistryTypesIT {

    @Test
    void declaredTypesAreListedUsedOrNot() throws Exception {
        try (DisposableDatabase db = DatabaseTemplate.empty(PostgresProvider.auto().shared()).checkout();
             Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                    CREATE TYPE unused_level AS ENUM ('low', 'high');
                    CREATE DOMAIN positive_price AS numeric(8,2) CHECK (VALUE > 0);
                    CREATE TYPE address AS (street text, city text);
                    CREATE SCHEMA audit;
                    CREATE TYPE audit.action AS ENUM ('insert', 'delete');
                    CREATE TABLE people (id int PRIMARY KEY, feeling mood);
                    CREATE TABLE holder (p people);
                    """);
            SchemaRegistry registry = SchemaRegistry.load(db.dataSource());
            assertThat(registry.types()).extracting(PgType::schema, PgType::name, PgType::category).containsExactly(
                    tuple("audit", "action", TypeCategory.ENUM),
                    tuple("public", "address", TypeCategory.COMPOSITE),
                    tuple("public", "mood", TypeCategory.ENUM),
                    tuple("public", "positive_price", TypeCategory.DOMAIN),
                    tuple("public", "unused_level", TypeCategory.ENUM));
            PgType unused = registry.types().get(4);
            assertThat(unused.enumLabels()).containsExactly("low", "high");
            PgType domain = registry.types().get(3);
            assertThat(domain.baseType().displayName()).isEqualTo("numeric(8,2)");
            assertThat(domain.checks()).singleElement().extracting(CheckConstraint::definition).asString()
                    .startsWith("CHECK").contains("VALUE >");
            assertThat(registry.types().get(0).displayName()).isEqualTo("audit.action");
            assertThat(registry.catalogQueryCount()).isEqualTo(8);
            assertThat(SchemaRegistry.load(c, List.of("audit")).types()).extracting(PgType::name)
                    .containsExactly("action");
        }
    }
}
