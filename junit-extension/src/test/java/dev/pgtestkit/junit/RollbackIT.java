package dev.pgtestkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.pgtestkit.core.DisposableDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** What @WithTransaction rolls back: commits through HikariCP and Jdbi, nested levels, failed tests, sequences. */
class RollbackIT {

    @Test
    void rollsBackWritesOfCodeThatCommitsThroughHikariCp() {
        Engine.assertAllPass(2, HikariFixture.class);
    }

    @Test
    void rollsBackWritesOfCodeThatCommitsThroughJdbi() {
        Engine.assertAllPass(3, JdbiFixture.class);
    }

    @Test
    void givesEachClassLevelAndEachTestItsOwnSavepoint() {
        Engine.assertAllPass(5, NestedFixture.class);
    }

    @Test
    void rollsBackTheWritesOfAFailedTest() {
        var events = Engine.run(FailingFixture.class).testEvents();
        events.assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        events.assertThatEvents().haveExactly(1, finishedWithFailure(message("expected failure after writing")));
    }

    @Test
    void restoresSequencesForTestsThatAssertIds() {
        Engine.assertAllPass(5, ClassSequenceFixture.class, MethodSequenceFixture.class);
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class HikariFixture {
        private HikariDataSource pool;

        @BeforeAll
        void buildPool(DataSource dataSource) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(dataSource);
            config.setMaximumPoolSize(3);
            pool = new HikariDataSource(config);
        }

        @AfterAll
        void closePool() {
            pool.close();
        }

        @Test
        @Order(1)
        void codeCommitsThroughThePool(DisposableDatabase database) throws SQLException {
            try (Connection connection = pool.getConnection()) {
                connection.setAutoCommit(false);
                Sql.insertAccount(connection, "hikari@example.com");
                connection.commit();
            }
            try (Connection other = pool.getConnection(); Connection third = pool.getConnection()) {
                assertThat(Sql.count(other, "accounts")).isEqualTo(1);
                assertThat(Sql.count(third, "accounts")).isEqualTo(1);
            }
            assertThat(committedAccounts(database)).as("rows committed, seen from a session outside the pool")
                    .isZero();
        }

        @Test
        @Order(2)
        void nextTestStartsClean(DisposableDatabase database) throws SQLException {
            assertThat(Sql.count(pool, "accounts")).isZero();
            assertThat(committedAccounts(database)).isZero();
        }
    }

    /**
     * The rows really committed to the database, as a session outside the pool and the test transaction sees them. It
     * reads in a transaction it rolls back, so it commits nothing itself (the commit check would rightly count that).
     */
    static long committedAccounts(DisposableDatabase database) throws SQLException {
        try (Connection outside = database.connect()) {
            outside.setAutoCommit(false);
            try {
                return Sql.count(outside, "accounts");
            } finally {
                outside.rollback();
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class JdbiFixture {
        @Test
        @Order(1)
        @WithTransaction
        void codeCommitsThroughJdbi(Jdbi jdbi) {
            jdbi.useTransaction(handle -> handle.execute("INSERT INTO accounts (email) VALUES (?)", "jdbi@x.org"));
            jdbi.useHandle(handle -> {
                handle.begin();
                handle.execute("INSERT INTO accounts (email) VALUES ('undone@x.org')");
                handle.rollback();
            });
            assertThat(countWithJdbi(jdbi)).isEqualTo(1);
        }

        @Test
        @Order(2)
        @WithTransaction
        void nextTransactionalTestStartsClean(Jdbi jdbi) {
            assertThat(countWithJdbi(jdbi)).isZero();
        }

        private static long countWithJdbi(Jdbi jdbi) {
            return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM accounts").mapTo(Long.class).one());
        }

        @Test
        @Order(3)
        void nothingWasCommitted(DataSource plain) {
            assertThat(plain.toString()).doesNotContain("test-transaction");
            assertThat(Sql.count(plain, "accounts")).isZero();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class NestedFixture {
        @BeforeAll
        void classFixture(DataSource dataSource) {
            Sql.insertAccount(dataSource, "outer@x.org");
        }

        @Test
        @Order(1)
        void seesTheClassFixtureAndWrites(DataSource dataSource) {
            assertThat(Sql.emails(dataSource)).isEqualTo("outer@x.org");
            Sql.insertAccount(dataSource, "test@x.org");
        }

        @Test
        @Order(2)
        void startsFromTheClassFixtureAgain(DataSource dataSource) {
            assertThat(Sql.emails(dataSource)).isEqualTo("outer@x.org");
        }

        @Nested
        @Order(1)
        @TestInstance(TestInstance.Lifecycle.PER_CLASS)
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class Inner {
            @BeforeAll
            void innerFixture(DataSource dataSource) {
                Sql.insertAccount(dataSource, "inner@x.org");
            }

            @Test
            @Order(1)
            void seesBothLevelsAndWrites(DataSource dataSource) {
                assertThat(Sql.emails(dataSource)).isEqualTo("inner@x.org,outer@x.org");
                Sql.insertAccount(dataSource, "deep@x.org");
            }

            @Test
            @Order(2)
            void startsFromBothLevelsAgain(DataSource dataSource) {
                assertThat(Sql.emails(dataSource)).isEqualTo("inner@x.org,outer@x.org");
            }
        }

        @Nested
        @Order(2)
        class AfterInner {
            @Test
            void innerFixtureIsGone(DataSource dataSource) {
                assertThat(Sql.emails(dataSource)).isEqualTo("outer@x.org");
            }
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailingFixture {
        @Test
        @Order(1)
        void writesThenFails(DataSource dataSource) {
            Sql.insertAccount(dataSource, "failed@x.org");
            throw new AssertionError("expected failure after writing");
        }

        @Test
        @Order(2)
        void seesNothingOfTheFailedTest(DataSource dataSource) {
            assertThat(Sql.count(dataSource, "accounts")).isZero();
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    @WithTransaction(resetSequences = true)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class ClassSequenceFixture {
        @BeforeAll
        void oneAccount(DataSource dataSource) {
            assertThat(Sql.insertAccount(dataSource, "fixture@x.org")).isEqualTo(1);
        }

        @RepeatedTest(3)
        void everyTestGetsTheSameNextId(DataSource dataSource) {
            assertThat(Sql.insertAccount(dataSource, "a@x.org")).isEqualTo(2);
        }
    }

    @PgTest(migrations = SharedTemplate.LOCATION)
    static class MethodSequenceFixture {
        @RepeatedTest(2)
        @WithTransaction(resetSequences = true)
        void everyTestGetsTheFirstId(DataSource dataSource) {
            assertThat(Sql.insertAccount(dataSource, "a@x.org")).isEqualTo(1);
        }
    }
}
