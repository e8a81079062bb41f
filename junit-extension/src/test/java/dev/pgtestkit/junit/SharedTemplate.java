package dev.pgtestkit.junit;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;

/** The schema of these tests, as a template on the JVM's shared server (core keeps one of each per JVM). */
final class SharedTemplate {

    static final String LOCATION = "classpath:db/accounts";

    private SharedTemplate() {
    }

    static DatabaseTemplate template() {
        return DatabaseTemplate.builder(PostgresProvider.auto().shared()).flywayLocations(LOCATION).build();
    }

    static DisposableDatabase checkout() {
        return template().checkout();
    }
}
