package dev.pgtestkit.core.tx.internal;

import dev.pgtestkit.core.tx.IsolationLevel;
import java.util.List;

/**
 * The transaction modes of {@code BEGIN}, {@code START TRANSACTION}, {@code SET TRANSACTION} or
 * {@code SET SESSION CHARACTERISTICS AS TRANSACTION}: an isolation level and read-only or read-write, each
 * {@code null} when the statement does not say. {@code [NOT] DEFERRABLE} only matters to a serializable read-only
 * transaction's start and is ignored.
 *
 * @param isolation the level asked for, or null
 * @param readOnly  true for READ ONLY, false for READ WRITE, null when not said
 */
record TransactionModes(IsolationLevel isolation, Boolean readOnly) {

    static final TransactionModes NONE = new TransactionModes(null, null);

    /** The modes in a statement's keywords (upper case, as {@link SqlScanner#statements} reads them). */
    static TransactionModes of(List<String> words) {
        IsolationLevel isolation = null;
        Boolean readOnly = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.equals("ISOLATION") && "LEVEL".equals(word(words, i + 1))) {
                boolean twoWords = "READ".equals(word(words, i + 2)) || "REPEATABLE".equals(word(words, i + 2));
                String level = twoWords ? word(words, i + 2) + " " + word(words, i + 3) : word(words, i + 2);
                isolation = IsolationLevel.ofSql(level);
                i += twoWords ? 3 : 2;
            } else if (word.equals("READ") && ("ONLY".equals(word(words, i + 1))
                    || "WRITE".equals(word(words, i + 1)))) {
                readOnly = "ONLY".equals(word(words, i + 1));
                i++;
            }
        }
        return new TransactionModes(isolation, readOnly);
    }

    private static String word(List<String> words, int index) {
        return index < words.size() ? words.get(index) : "";
    }
}
