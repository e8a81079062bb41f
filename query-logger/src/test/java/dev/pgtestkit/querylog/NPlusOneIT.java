package dev.pgtestkit.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** N+1 detection on a real loop: one query per order for its customer, against one query for all of them. */
class NPlusOneIT {

    private static LoggedDatabase it;

    @BeforeAll
    static void createSchema() throws SQLException {
        it = LoggedDatabase.open(QueryLogger.builder().logToSlf4j(false).nPlusOneThreshold(5),
                "CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers)",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 10) g",
                "INSERT INTO orders SELECT g, g FROM generate_series(1, 10) g");
    }

    @AfterAll
    static void dropDatabase() {
        it.close();
    }

    /** The N+1 way: a query for the orders, then one per order. */
    private static List<String> customerNamesOneByOne(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int customerId : orderCustomerIds(c)) {
            names.add(customerName(c, customerId));
        }
        return names;
    }

    private static String customerName(Connection c, int customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
            ps.setInt(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<Integer> orderCustomerIds(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM orders ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    @Test
    void aQueryPerRowInALoopIsFoundWithItsCallSite() throws SQLException {
        try (QueryScope scope = it.logger().startScope("n+1"); Connection c = it.logged().getConnection()) {
            assertThat(customerNamesOneByOne(c)).hasSize(10);
            QueryLog log = scope.log();
            assertThat(log.nPlusOneFindings()).singleElement().satisfies(finding -> {
                assertThat(finding.normalizedSql()).isEqualTo("SELECT name FROM customers WHERE id = ?");
                assertThat(finding.executions()).isEqualTo(10);
                assertThat(finding.distinctParameters()).isEqualTo(10);
                assertThat(finding.callSite().className()).isEqualTo(NPlusOneIT.class.getName());
                assertThat(finding.callSite().methodName()).isEqualTo("customerName");
                assertThat(finding.callSite().fileName()).isEqualTo("NPlusOneIT.java");
                assertThat(finding.describe()).startsWith("N+1: SELECT name FROM customers WHERE id = ? ran 10 times"
                        + " with 10 different parameter sets at dev.pgtestkit.querylog.NPlusOneIT.customerName(NPlusOneIT.java:");
            });
            assertThatThrownBy(() -> QueryLogAssert.assertThat(log).hasNoNPlusOne())
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Expected no N+1 queries but found 1:")
                    .hasMessageContaining("SELECT name FROM customers WHERE id = ? ran 10 times");
        }
    }

    @Test
    void oneQueryForAllRowsIsNotNPlusOne() throws SQLException {
        try (QueryScope scope = it.logger().startScope("join"); Connection c = it.logged().getConnection()) {
            List<Integer> ids = orderCustomerIds(c);
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ANY(?)")) {
                Array array = c.createArrayOf("int4", ids.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertThat(rs.getString(1)).startsWith("customer");
                    }
                }
            }
            QueryLogAssert.assertThat(scope.log()).hasNoNPlusOne().hasSelectCount(2)
                    .hasStatementCountForTable("customers", 1);
        }
    }

    @Test
    void theSameParametersAgainAndAgainAreNotNPlusOne() throws SQLException {
        try (QueryScope scope = it.logger().startScope("cache miss"); Connection c = it.logged().getConnection()) {
            for (int i = 0; i < 8; i++) {
                customerName(c, 3);
            }
            QueryLogAssert.assertThat(scope.log()).hasNoNPlusOne().hasSelectCount(8);
        }
    }

    @Test
    void fewerExecutionsThanTheThresholdAreNotNPlusOne() throws SQLException {
        try (QueryScope scope = it.logger().startScope("few"); Connection c = it.logged().getConnection()) {
            for (int id = 1; id <= 4; id++) {
                customerName(c, id);
            }
            QueryLogAssert.assertThat(scope.log()).hasNoNPlusOne();
        }
    }

    @Test
    void findingsBelongToTheirScope() throws SQLException {
        try (Connection c = it.logged().getConnection()) {
            try (QueryScope first = it.logger().startThreadScope("first")) {
                customerNamesOneByOne(c);
                first.reset();
                assertThat(first.log().nPlusOneFindings()).isEmpty();
            }
            try (QueryScope second = it.logger().startThreadScope("second")) {
                for (int id = 1; id <= 3; id++) {
                    customerName(c, id);
                }
                assertThat(second.log().nPlusOneFindings()).as("3 here + 10 in another scope").isEmpty();
            }
        }
    }

    @Test
    void hasNPlusOneAssertsThePositiveCase() throws SQLException {
        try (QueryScope scope = it.logger().startScope("n+1"); Connection c = it.logged().getConnection()) {
            customerNamesOneByOne(c);
            QueryLogAssert.assertThat(scope.log()).hasNPlusOne();
        }
        try (QueryScope scope = it.logger().startScope("one query"); Connection c = it.logged().getConnection()) {
            orderCustomerIds(c);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> QueryLogAssert.assertThat(scope.log()).hasNPlusOne())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("Expected an N+1 finding")
                    .hasMessageContaining("SELECT customer_id FROM orders ORDER BY id");
        }
    }

    @Test
    void failedExecutionsAreNotNPlusOne() throws SQLException {
        try (QueryScope scope = it.logger().startScope("failures"); Connection c = it.logged().getConnection()) {
            for (int i = 0; i < 10; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?::int")) {
                    ps.setString(1, "not a number " + i);
                    ps.executeQuery().close();
                } catch (SQLException expected) {
                    // each fails: a retry loop, not a query per row
                }
            }
            assertThat(scope.log().failures()).hasSize(10);
            assertThat(scope.log().nPlusOneFindings()).isEmpty();
        }
    }

    @Test
    void pagesOfOneQueryAndAValueAlternatingBetweenTwoKeysAreNotNPlusOne() throws SQLException {
        try (QueryScope scope = it.logger().startScope("pages"); Connection c = it.logged().getConnection()) {
            for (int page = 0; page < 8; page++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM orders ORDER BY id LIMIT ? OFFSET ?")) {
                    ps.setInt(1, 2);
                    ps.setInt(2, page * 2);
                    ps.executeQuery().close();
                }
                try (java.sql.Statement s = c.createStatement()) {
                    s.executeQuery("SELECT id FROM orders ORDER BY id LIMIT 2 OFFSET " + page * 2).close();
                }
                customerName(c, page % 2 + 1); // two keys, again and again: a cache would help, a JOIN would not
            }
            assertThat(scope.log().size()).isEqualTo(24);
            assertThat(scope.log().nPlusOneFindings()).isEmpty();
        }
    }

    @Test
    void aSampledCallSiteNeverMovesAFindingToAnotherLine() throws SQLException {
        try (QueryLogger sampled = QueryLogger.builder().logToSlf4j(false).build();
                Connection c = sampled.wrap(it.db().dataSource()).getConnection()) {
            for (int i = 0; i < 70; i++) {
                customerName(c, i % 10 + 1); // 70 lookups there: the first 64 walk the stack, then it is sampled
            }
            int loopLine = 0;
            for (int i = 0; i < 20; i++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM customers WHERE id = ?")) {
                    ps.setInt(1, i % 10 + 1); // the same SQL in a loop at another line, after the sampling window
                    loopLine = new Throwable().getStackTrace()[0].getLineNumber() + 1;
                    ps.executeQuery().close();
                }
            }
            QueryLog log = sampled.log();
            assertThat(log.events().stream().filter(QueryEvent::callSiteInferred)).isNotEmpty();
            assertThat(log.nPlusOneFindings()).hasSize(2);
            NPlusOneFinding lookups = log.nPlusOneFindings().get(0);
            assertThat(lookups.callSite().methodName()).isEqualTo("customerName");
            assertThat(lookups.executions()).isBetween(64, 70);
            NPlusOneFinding loop = log.nPlusOneFindings().get(1);
            assertThat(loop.callSite().methodName()).isEqualTo("aSampledCallSiteNeverMovesAFindingToAnotherLine");
            assertThat(loop.callSite().lineNumber()).isEqualTo(loopLine);
            assertThat(loop.executions()).as("the executions between two walks at the loop's line").isBetween(9, 20);
        }
    }
}
