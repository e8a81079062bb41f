package dev.pgtestkit.mock.internal.check;

import java.util.List;

/**
 * A check expression as the generator sees it: a list of alternatives (disjuncts), each a list of atoms that
 * must all hold. An empty list of disjuncts is a check no row can meet; one empty disjunct is always true.
 *
 * @param disjuncts the expression in disjunctive normal form
 * @param opaque    whether any atom is {@link Atom.Opaque} (or the expression could not be parsed at all), so
 *                  rows must be verified by the server
 */
public record CheckAnalysis(List<List<Atom>> disjuncts, boolean opaque) {

    public CheckAnalysis {
        disjuncts = disjuncts.stream().map(List::copyOf).toList();
    }

    /** Parses {@code expression} (as {@code pg_get_constraintdef} prints it); never throws. */
    public static CheckAnalysis of(String expression) {
        try {
            List<List<Atom>> dnf = new DnfBuilder().dnf(ExprParser.parse(expression), false);
            boolean opaque = dnf.stream().flatMap(List::stream).anyMatch(a -> a instanceof Atom.Opaque);
            return new CheckAnalysis(dnf, opaque);
        } catch (IllegalArgumentException e) {
            return new CheckAnalysis(List.of(List.of(new Atom.Opaque(e.getMessage()))), true);
        }
    }

    /**
     * A domain check's expression with every {@code VALUE} placeholder replaced (string literals and quoted names
     * untouched), e.g. by the quoted name of a column of that domain.
     */
    public static String replaceValue(String expression, String replacement) {
        StringBuilder sb = new StringBuilder();
        int copied = 0;
        for (Token t : Tokenizer.tokenize(expression)) {
            if (t.isWord("VALUE")) {
                sb.append(expression, copied, t.start()).append(replacement);
                copied = t.end();
            }
        }
        return sb.append(expression.substring(copied)).toString();
    }

    /** This analysis with the domain placeholder {@code VALUE} renamed to {@code column}. */
    public CheckAnalysis forColumn(String column) {
        return new CheckAnalysis(disjuncts.stream().map(d -> d.stream().map(a -> Atoms.rename(a, Expr.VALUE, column))
                .toList()).toList(), opaque);
    }

    /** A single alternative: every atom must hold on every row. */
    public boolean isConjunction() {
        return disjuncts.size() == 1;
    }
}
