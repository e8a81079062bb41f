package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.internal.JdbcServer;
import org.junit.jupiter.api.Test;

class UrlProviderTest {

    @Test
    void parsesHostPortDatabaseUserAndExtraParameters() {
        JdbcServer.Endpoint e = UrlProvider.parse(
                "jdbc:postgresql://db.internal:6543/admin?user=ci&password=s3cret&sslmode=disable");
        assertThat(e.host()).isEqualTo("db.internal");
        assertThat(e.port()).isEqualTo(6543);
        assertThat(e.adminDatabase()).isEqualTo("admin");
        assertThat(e.user()).isEqualTo("ci");
        assertThat(e.password()).isEqualTo("s3cret");
        assertThat(e.params()).containsEntry("sslmode", "disable").doesNotContainKeys("user", "password");
        assertThat(e.toString()).doesNotContain("s3cret");
    }

    @Test
    void takesUserAndPasswordFromTheUserInfoNotAsPartOfTheHost() {
        JdbcServer.Endpoint e = UrlProvider.parse("jdbc:postgresql://postgres:s%40cret@db.internal:6543/admin");
        assertThat(e.host()).isEqualTo("db.internal");
        assertThat(e.port()).isEqualTo(6543);
        assertThat(e.user()).isEqualTo("postgres");
        assertThat(e.password()).isEqualTo("s@cret");
        assertThat(e.toString()).doesNotContain("cret");
    }

    @Test
    void redactsPasswordsInUrls() {
        assertThat(UrlProvider.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(UrlProvider.redact("postgresql://u:s3cret@h/db")).isEqualTo("postgresql://u:***@h/db");
    }

    @Test
    void rejectsUrlsThatAreNotPostgresWithoutShowingThePassword() {
        assertThatThrownBy(() -> UrlProvider.parse("jdbc:mysql://h/db?user=u&password=s3cret"))
                .isInstanceOf(ProvisioningException.class)
                .hasMessage("Not a PostgreSQL JDBC URL: 'jdbc:mysql://h/db?user=u&password=***'. Expected e.g. "
                        + "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    }
}
