package dev.pgtestkit.mock.internal;

import dev.pgtestkit.mock.internal.check.Atom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a table's checks on a generated row, as Postgres would: a check fails only when its expression is
 * FALSE (NULL passes). Atoms only the server understands count as UNKNOWN here; checks containing them are
 * {@link #serverChecks() verified by the server}.
 */
final class CheckEvaluator {

    private record Compiled(TableCheck check, List<List<AtomTest>> disjuncts) {
    }

    private final List<Compiled> compiled = new ArrayList<>();
    private final List<TableCheck> serverChecks = new ArrayList<>();

    /**
     * @param trusted checks that construction guarantees (every atom a rule the sources build inside); they are
     *                not evaluated again per row
     */
    CheckEvaluator(List<TableCheck> checks, Map<String, ColumnSpec> columns, Set<TableCheck> trusted) {
        for (TableCheck check : checks) {
            List<List<AtomTest>> disjuncts = new ArrayList<>();
            boolean complete = !check.analysis().opaque();
            for (List<Atom> alternative : check.disjuncts()) {
                List<AtomTest> tests = new ArrayList<>();
                for (Atom atom : alternative) {
                    AtomTest t = AtomTest.of(atom, columns);
                    complete &= t != null;
                    tests.add(t != null ? t : row -> AtomTest.UNKNOWN);
                }
                disjuncts.add(tests);
            }
            if (!trusted.contains(check)) {
                compiled.add(new Compiled(check, disjuncts));
            }
            if (!complete) {
                serverChecks.add(check);
            }
        }
    }

    /** The checks the generator cannot fully evaluate itself. */
    List<TableCheck> serverChecks() {
        return serverChecks;
    }

    /** The first check the row certainly violates, or {@code null}. */
    TableCheck firstViolated(Object[] row) {
        for (Compiled c : compiled) {
            if (evaluate(c.disjuncts(), row) == AtomTest.FALSE) {
                return c.check();
            }
        }
        return null;
    }

    private static int evaluate(List<List<AtomTest>> disjuncts, Object[] row) {
        int result = AtomTest.FALSE;
        for (List<AtomTest> alternative : disjuncts) {
            int value = AtomTest.TRUE;
            for (AtomTest t : alternative) {
                int v = t.test(row);
                if (v == AtomTest.FALSE) {
                    value = AtomTest.FALSE;
                    break;
                }
                if (v == AtomTest.UNKNOWN) {
                    value = AtomTest.UNKNOWN;
                }
            }
            if (value == AtomTest.TRUE) {
                return AtomTest.TRUE;
            }
            if (value == AtomTest.UNKNOWN) {
                result = AtomTest.UNKNOWN;
            }
        }
        return result;
    }
}
