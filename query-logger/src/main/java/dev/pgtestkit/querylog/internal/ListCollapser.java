package dev.pgtestkit.querylog.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Collapses repeated list elements in normalized pieces: {@code IN (?, ?, ?)} → {@code IN (?)},
 * {@code ARRAY[?, ?]} → {@code ARRAY[?]}, and consecutive identical {@code VALUES} rows
 * {@code VALUES (?, ?), (?, ?)} → {@code VALUES (?, ?)}, so statements built for different list lengths group
 * together.
 */
final class ListCollapser {

    private ListCollapser() {
    }

    static void collapse(List<String> pieces) {
        for (int i = 0; i + 1 < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (piece.equals("IN") && pieces.get(i + 1).equals("(")) {
                collapseElements(pieces, i + 1);
            } else if (piece.equals("ARRAY") && pieces.get(i + 1).equals("[")) {
                collapseElements(pieces, i + 1);
            } else if (piece.equals("VALUES") && pieces.get(i + 1).equals("(")) {
                collapseRows(pieces, i + 1);
            }
        }
    }

    /**
     * {@code = ANY (ARRAY[…])} is {@code IN (…)} and {@code <> ALL (ARRAY[…])} is {@code NOT IN (…)}: the server
     * turns an IN list into exactly that.
     */
    static void anyArrayAsIn(List<String> pieces) {
        for (int i = 0; i + 4 < pieces.size(); i++) {
            boolean any = pieces.get(i).equals("=") && pieces.get(i + 1).equals("ANY");
            boolean all = pieces.get(i).equals("<>") && pieces.get(i + 1).equals("ALL");
            if (!(any || all) || !pieces.get(i + 2).equals("(") || !pieces.get(i + 3).equals("ARRAY")
                    || !pieces.get(i + 4).equals("[")) {
                continue;
            }
            int close = matching(pieces, i + 4);
            if (close < 0 || close + 1 >= pieces.size() || !pieces.get(close + 1).equals(")")) {
                continue;
            }
            List<String> elements = new ArrayList<>(pieces.subList(i + 5, close));
            if (elements.isEmpty() || isQuery(elements)) {
                continue;
            }
            List<String> replacement = new ArrayList<>(any ? List.of("IN", "(") : List.of("NOT", "IN", "("));
            replacement.addAll(elements);
            replacement.add(")");
            pieces.subList(i, close + 2).clear();
            pieces.addAll(i, replacement);
        }
    }

    /** Replaces the elements between the bracket at {@code open} and its match by one, when they are all equal. */
    private static void collapseElements(List<String> pieces, int open) {
        int end = matching(pieces, open);
        if (end < 0) {
            return;
        }
        List<List<String>> elements = split(pieces.subList(open + 1, end));
        if (elements.size() < 2 || !allEqual(elements) || isQuery(elements.get(0))) {
            return;
        }
        List<String> first = new ArrayList<>(elements.get(0));
        pieces.subList(open + 1, end).clear();
        pieces.addAll(open + 1, first);
    }

    private static void collapseRows(List<String> pieces, int firstOpen) {
        List<List<String>> rows = new ArrayList<>();
        int cursor = firstOpen;
        int lastEnd = -1;
        while (cursor < pieces.size() && pieces.get(cursor).equals("(")) {
            int end = matching(pieces, cursor);
            if (end < 0) {
                return;
            }
            rows.add(new ArrayList<>(pieces.subList(cursor, end + 1)));
            lastEnd = end;
            boolean more = end + 2 < pieces.size() && pieces.get(end + 1).equals(",")
                    && pieces.get(end + 2).equals("(");
            cursor = more ? end + 2 : pieces.size();
        }
        if (rows.size() < 2) {
            return;
        }
        List<String> kept = new ArrayList<>();
        List<String> previous = null;
        for (List<String> row : rows) {
            if (!row.equals(previous)) {
                if (previous != null) {
                    kept.add(",");
                }
                kept.addAll(row);
            }
            previous = row;
        }
        pieces.subList(firstOpen, lastEnd + 1).clear();
        pieces.addAll(firstOpen, kept);
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    static int matching(List<String> pieces, int open) {
        String opening = pieces.get(open);
        String closing = opening.equals("(") ? ")" : "]";
        int depth = 0;
        for (int i = open; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            if (piece.equals(opening)) {
                depth++;
            } else if (piece.equals(closing) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Splits at top-level commas. */
    private static List<List<String>> split(List<String> inner) {
        List<List<String>> elements = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int depth = 0;
        for (String piece : inner) {
            if (piece.equals("(") || piece.equals("[")) {
                depth++;
            } else if (piece.equals(")") || piece.equals("]")) {
                depth--;
            }
            if (depth == 0 && piece.equals(",")) {
                elements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(piece);
            }
        }
        elements.add(current);
        return elements;
    }

    private static boolean allEqual(List<List<String>> elements) {
        for (List<String> element : elements) {
            if (!element.equals(elements.get(0))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isQuery(List<String> element) {
        return !element.isEmpty() && (element.get(0).equals("SELECT") || element.get(0).equals("WITH")
                || element.get(0).equals("VALUES"));
    }
}
