package dev.pgtestkit.core.tx;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.PostgresProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the per-test commit check costs: test transactions (begin, one statement, end) with the check and without it,
 * interleaved in blocks on one database, in one process. Prints median, mean and p95 per test. Run with the test
 * class path: {@code java -cp ... dev.pgtestkit.core.tx.CommitCheckCost [tests per variant]}.
 */
public final class CommitCheckCost {

    private CommitCheckCost() {
    }

    public static void main(String[] args) {
        int tests = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        TransactionSettings with = TransactionSettings.defaults().withDetectOtherSessions(false);
        TransactionSettings without = with.withDetectCommits(false);
        try (DisposableDatabase db = DatabaseTemplate.builder(PostgresProvider.auto().shared())
                .flywayLocations("classpath:db/accounts").build().checkout();
             TestTransactions transactions = TestTransactions.on(db)) {
            run(transactions, with, 500);
            run(transactions, without, 500);
            List<Long> checked = new ArrayList<>();
            List<Long> unchecked = new ArrayList<>();
            for (int block = 0; block < tests / 100; block++) {
                checked.addAll(run(transactions, with, 100));
                unchecked.addAll(run(transactions, without, 100));
            }
            System.out.println("without commit check: " + stats(unchecked));
            System.out.println("with commit check:    " + stats(checked));
        }
    }

    private static List<Long> run(TestTransactions transactions, TransactionSettings settings, int n) {
        List<Long> times = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            try (TestTransaction tx = transactions.begin(settings, "cost")) {
                tx.execute("SELECT 1");
            }
            times.add(System.nanoTime() - start);
        }
        return times;
    }

    private static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
        return String.format("n=%d median %.3f ms, mean %.3f ms, p95 %.3f ms", sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, mean / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6);
    }
}
