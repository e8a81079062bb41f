package dev.pgtestkit.bench.startup;

import dev.pgtestkit.bench.Stats;
import dev.pgtestkit.core.PostgresProvider;
import dev.pgtestkit.core.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new PgJDBC connection to the embedded server (what a test pays for each new session, e.g. one per test with
 * {@code DATABASE_PER_TEST}), with the superuser's SCRAM verifier at initdb's 4,096 PBKDF2 iterations and at the 16
 * pgtestkit stores, alternating per round in one JVM (the server hashes the same password again each time:
 * {@code SET scram_iterations}, PostgreSQL 16+). The first round of each side is not measured. Leaves the verifier at 16.
 *
 * <pre>java -cp … dev.pgtestkit.bench.startup.ConnectBenchmark [ROUNDS [CONNECTIONS]]</pre>
 */
public final class ConnectBenchmark {

    private ConnectBenchmark() {
    }

    public static void main(String[] args) throws SQLException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        PostgresServer server = PostgresProvider.embedded().shared();
        if (server.versionNum() < 160000) {
            throw new IllegalStateException("scram_iterations needs PostgreSQL 16+, the server is " + server.versionNum());
        }
        String database = server.adminDatabase();
        DataSource dataSource = server.dataSource(database);
        String password = dataSource.unwrap(PGSimpleDataSource.class).getPassword();
        Map<Integer, List<Long>> samples = new LinkedHashMap<>();
        samples.put(4096, new ArrayList<>());
        samples.put(16, new ArrayList<>());
        for (int round = 0; round < rounds; round++) {
            int iterations = round % 2 == 0 ? 4096 : 16;
            storeVerifier(server, password, iterations);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                long start = System.nanoTime();
                try (Connection ignored = dataSource.getConnection()) {
                    times.add(System.nanoTime() - start);
                }
            }
            if (round >= 2) {
                samples.get(iterations).addAll(times);
            }
        }
        storeVerifier(server, password, 16);
        System.out.printf("PostgreSQL %d, %d measured rounds x %d connections per side%n", server.versionNum(),
                (rounds - 2) / 2, connections);
        System.out.printf("%-28s %10s %10s %10s%n", "SCRAM verifier", "mean ms", "median ms", "p95 ms");
        samples.forEach((iterations, values) -> {
            long[] times = values.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("%-28s %10.2f %10.2f %10.2f%n", iterations + " iterations", java.util.Arrays.stream(times).average().orElse(Double.NaN) / 1e6,
                    Stats.median(times) / 1e6, Stats.percentile(times, 95) / 1e6);
        });
    }

    /** The server hashes the password again with this many iterations (a new random salt). */
    private static void storeVerifier(PostgresServer server, String password, int iterations) throws SQLException {
        try (Connection connection = server.connect(server.adminDatabase());
             Statement statement = connection.createStatement()) {
            statement.execute("SET scram_iterations = " + iterations);
            statement.execute("ALTER ROLE CURRENT_USER PASSWORD '" + password.replace("'", "''") + "'");
        }
    }
}
