package dev.pgtestkit.core.tx.internal;

import java.util.List;
import java.util.Set;

/**
 * Classifies one statement by its leading keywords: transaction control, statements PostgreSQL refuses inside a
 * transaction block (see the "cannot run inside a transaction block" errors of the PostgreSQL reference), and the
 * rest.
 */
final class SqlClassifier {

    private static final Set<String> INTERESTING_FIRST_WORDS = Set.of("BEGIN", "START", "COMMIT", "END", "ROLLBACK",
            "ABORT", "PREPARE", "VACUUM", "CREATE", "DROP", "ALTER", "REINDEX", "CLUSTER", "DISCARD", "SET");
    private static final Set<String> OBJECTS_OUTSIDE_TRANSACTIONS = Set.of("DATABASE", "TABLESPACE", "SUBSCRIPTION");

    private SqlClassifier() {
    }

    /** Whether a statement starting with this word could be more than ordinary. */
    static boolean mayNeedMoreWords(String firstWord) {
        return INTERESTING_FIRST_WORDS.contains(firstWord);
    }

    static SqlCommand classify(List<String> words) {
        if (words.isEmpty()) {
            return SqlCommand.ORDINARY;
        }
        String first = words.get(0);
        String second = word(words, 1);
        return switch (first) {
            case "BEGIN" -> control(SqlCommand.Kind.BEGIN, "BEGIN");
            case "START" -> "TRANSACTION".equals(second) ? control(SqlCommand.Kind.BEGIN, "START TRANSACTION")
                    : SqlCommand.ORDINARY;
            case "COMMIT", "END" -> "PREPARED".equals(second) ? refused("COMMIT PREPARED")
                    : control(SqlCommand.Kind.COMMIT, first);
            case "ROLLBACK", "ABORT" -> rollback(first, words);
            case "PREPARE" -> "TRANSACTION".equals(second) ? refused("PREPARE TRANSACTION") : SqlCommand.ORDINARY;
            case "VACUUM" -> refused("VACUUM");
            case "CREATE", "DROP" -> createOrDrop(first, words);
            case "ALTER" -> alter(words);
            case "REINDEX" -> reindex(words);
            case "CLUSTER" -> words.size() == 1 || (words.size() == 2 && "VERBOSE".equals(second))
                    ? refused("CLUSTER without a table") : SqlCommand.ORDINARY;
            case "DISCARD" -> "ALL".equals(second) ? refused("DISCARD ALL") : SqlCommand.ORDINARY;
            case "SET" -> setTransaction(words);
            default -> SqlCommand.ORDINARY;
        };
    }

    private static SqlCommand rollback(String first, List<String> words) {
        String second = word(words, 1);
        if ("PREPARED".equals(second)) {
            return refused("ROLLBACK PREPARED");
        }
        // ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name: a savepoint operation, fine inside a transaction.
        if ("TO".equals(second) || "TO".equals(word(words, 2))) {
            return SqlCommand.ORDINARY;
        }
        return control(SqlCommand.Kind.ROLLBACK, first);
    }

    private static SqlCommand createOrDrop(String first, List<String> words) {
        String second = word(words, 1);
        if (OBJECTS_OUTSIDE_TRANSACTIONS.contains(second)) {
            return refused(first + " " + second);
        }
        int index = "UNIQUE".equals(second) ? 2 : 1;
        if ("INDEX".equals(word(words, index)) && "CONCURRENTLY".equals(word(words, index + 1))) {
            return refused(first + " INDEX CONCURRENTLY");
        }
        return SqlCommand.ORDINARY;
    }

    private static SqlCommand alter(List<String> words) {
        String second = word(words, 1);
        if ("SYSTEM".equals(second)) {
            return refused("ALTER SYSTEM");
        }
        if ("DATABASE".equals(second) && "SET".equals(word(words, 3)) && "TABLESPACE".equals(word(words, 4))) {
            return refused("ALTER DATABASE ... SET TABLESPACE");
        }
        if ("TABLE".equals(second) && words.contains("DETACH") && words.contains("CONCURRENTLY")) {
            return refused("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");
        }
        return SqlCommand.ORDINARY;
    }

    private static SqlCommand reindex(List<String> words) {
        String second = word(words, 1);
        if ("DATABASE".equals(second) || "SYSTEM".equals(second)) {
            return refused("REINDEX " + second);
        }
        return words.contains("CONCURRENTLY") ? refused("REINDEX ... CONCURRENTLY") : SqlCommand.ORDINARY;
    }

    /** {@code SET TRANSACTION} with modes (not {@code SET TRANSACTION SNAPSHOT}), or the session defaults. */
    private static SqlCommand setTransaction(List<String> words) {
        if ("TRANSACTION".equals(word(words, 1)) && !"SNAPSHOT".equals(word(words, 2))) {
            return control(SqlCommand.Kind.SET_TRANSACTION, "SET TRANSACTION");
        }
        if (words.subList(1, Math.min(words.size(), 5)).equals(List.of("SESSION", "CHARACTERISTICS", "AS",
                "TRANSACTION"))) {
            return control(SqlCommand.Kind.SET_TRANSACTION, "SET SESSION CHARACTERISTICS");
        }
        return SqlCommand.ORDINARY;
    }

    private static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index) : "";
    }

    private static SqlCommand control(SqlCommand.Kind kind, String command) {
        return new SqlCommand(kind, command);
    }

    private static SqlCommand refused(String command) {
        return new SqlCommand(SqlCommand.Kind.NOT_IN_TRANSACTION, command);
    }
}
