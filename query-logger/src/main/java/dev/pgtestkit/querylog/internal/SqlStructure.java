package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import dev.pgtestkit.querylog.StatementType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the lexer alone can tell about a statement: its type (CTE-aware), the tables it names (a heuristic used
 * when JSqlParser cannot parse the statement) and whether it is a single statement.
 */
final class SqlStructure {

    private static final Map<String, StatementType> FIRST_WORDS = Map.ofEntries(
            Map.entry("SELECT", StatementType.SELECT), Map.entry("VALUES", StatementType.SELECT),
            Map.entry("TABLE", StatementType.SELECT), Map.entry("INSERT", StatementType.INSERT),
            Map.entry("UPDATE", StatementType.UPDATE), Map.entry("DELETE", StatementType.DELETE),
            Map.entry("MERGE", StatementType.MERGE), Map.entry("CALL", StatementType.CALL),
            Map.entry("CREATE", StatementType.DDL), Map.entry("ALTER", StatementType.DDL),
            Map.entry("DROP", StatementType.DDL), Map.entry("TRUNCATE", StatementType.DDL),
            Map.entry("COMMENT", StatementType.DDL), Map.entry("GRANT", StatementType.DDL),
            Map.entry("REVOKE", StatementType.DDL), Map.entry("BEGIN", StatementType.TRANSACTION),
            Map.entry("START", StatementType.TRANSACTION), Map.entry("COMMIT", StatementType.TRANSACTION),
            Map.entry("END", StatementType.TRANSACTION), Map.entry("ROLLBACK", StatementType.TRANSACTION),
            Map.entry("ABORT", StatementType.TRANSACTION), Map.entry("SAVEPOINT", StatementType.TRANSACTION),
            Map.entry("RELEASE", StatementType.TRANSACTION));

    private static final Set<String> MAIN_STATEMENT_WORDS =
            Set.of("SELECT", "VALUES", "TABLE", "INSERT", "UPDATE", "DELETE", "MERGE");
    private static final Set<String> TABLE_INTRODUCERS = Set.of("FROM", "JOIN", "INTO", "UPDATE", "USING", "TABLE");
    private static final Set<String> NOT_TABLES = Set.of("ONLY", "LATERAL", "SELECT", "VALUES", "WITH", "ROWS",
            "UNNEST", "SET", "DEFAULT", "NOTHING");

    private SqlStructure() {
    }

    static StatementType type(List<Token> tokens) {
        int i = 0;
        while (i < tokens.size() && (tokens.get(i).isPunct("(") || tokens.get(i).isPunct("{"))) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).kind() == Kind.JDBC_PARAM) {
            return StatementType.CALL;
        }
        if (i >= tokens.size() || tokens.get(i).kind() != Kind.WORD) {
            return StatementType.OTHER;
        }
        String first = tokens.get(i).text().toUpperCase(Locale.ROOT);
        if (first.equals("WITH")) {
            first = mainWordAfterWith(tokens, i + 1);
        }
        return FIRST_WORDS.getOrDefault(first, StatementType.OTHER);
    }

    private static String mainWordAfterWith(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && t.kind() == Kind.WORD
                    && MAIN_STATEMENT_WORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
                return t.text().toUpperCase(Locale.ROOT);
            }
        }
        return "WITH";
    }

    /** More than one statement: a semicolon followed by anything but semicolons. */
    /**
     * Whether the statement creates a temporary relation ({@code CREATE [LOCAL|GLOBAL] TEMP[ORARY] TABLE|VIEW|SEQUENCE},
     * {@code CREATE TEMP TABLE … AS}): one that only its session sees.
     */
    static boolean createsTemporary(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return false;
        }
        for (int i = 1; i < Math.min(tokens.size(), 4); i++) {
            if (tokens.get(i).isWord("TEMP") || tokens.get(i).isWord("TEMPORARY")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the statement ends a transaction ({@code COMMIT}, {@code END}, {@code ABORT}, {@code ROLLBACK} but not
     * {@code ROLLBACK TO}). */
    static boolean endsTransaction(List<Token> tokens) {
        if (tokens.isEmpty()) {
            return false;
        }
        Token first = tokens.get(0);
        if (first.isWord("ROLLBACK")) {
            return tokens.stream().skip(1).noneMatch(t -> t.isWord("TO") || t.isWord("PREPARED"));
        }
        return (first.isWord("COMMIT") && !(tokens.size() > 1 && tokens.get(1).isWord("PREPARED")))
                || first.isWord("END") || first.isWord("ABORT");
    }

    static boolean isMultiStatement(List<Token> tokens) {
        boolean sawSemicolon = false;
        for (Token t : tokens) {
            if (t.isPunct(";")) {
                sawSemicolon = true;
            } else if (sawSemicolon) {
                return true;
            }
        }
        return false;
    }

    /**
     * Table names after FROM, JOIN, INTO, UPDATE, USING and TABLE (comma lists after FROM too), without CTE names,
     * function calls and FROM inside function arguments ({@code extract(year FROM d)}). Lower-cased unless quoted.
     */
    static List<String> tables(List<Token> tokens) {
        Set<String> cteNames = cteNames(tokens);
        Set<String> found = new LinkedHashSet<>();
        List<Boolean> functionParens = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                functionParens.add(i > 0 && isName(tokens.get(i - 1)) && !isKeyword(tokens.get(i - 1)));
            } else if (t.isPunct(")") && !functionParens.isEmpty()) {
                functionParens.remove(functionParens.size() - 1);
            } else if (t.kind() == Kind.WORD && TABLE_INTRODUCERS.contains(t.text().toUpperCase(Locale.ROOT))
                    && !functionParens.contains(true)) {
                readTableList(tokens, i + 1, t.isWord("FROM"), found);
            }
        }
        found.removeAll(cteNames);
        return List.copyOf(found);
    }

    private static void readTableList(List<Token> tokens, int from, boolean commaList, Set<String> found) {
        int i = from;
        if (i < tokens.size() && tokens.get(i).isWord("ONLY")) {
            i++;
        }
        while (i < tokens.size() && isName(tokens.get(i)) && !NOT_TABLES.contains(upper(tokens.get(i)))) {
            StringBuilder name = new StringBuilder(identifier(tokens.get(i)));
            i++;
            while (i + 1 < tokens.size() && tokens.get(i).isPunct(".") && isName(tokens.get(i + 1))) {
                name.append('.').append(identifier(tokens.get(i + 1)));
                i += 2;
            }
            if (i < tokens.size() && tokens.get(i).isPunct("(")) {
                i = LiteralColumns.closing(tokens, i) + 1; // a function in FROM: not a table
            } else {
                found.add(name.toString());
            }
            if (!commaList) {
                return;
            }
            i = skipAlias(tokens, i);
            if (i >= tokens.size() || !tokens.get(i).isPunct(",")) {
                return;
            }
            i++;
        }
    }

    private static int skipAlias(List<Token> tokens, int i) {
        if (i < tokens.size() && tokens.get(i).isWord("AS")) {
            i++;
        }
        if (i < tokens.size() && isName(tokens.get(i)) && !isKeyword(tokens.get(i))) {
            i++;
        }
        return i;
    }

    /** The type of each statement of a string of statements separated by semicolons. */
    static List<StatementType> statementTypes(List<Token> tokens) {
        List<StatementType> types = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || tokens.get(i).isPunct(";")) {
                if (i > start) {
                    types.add(type(tokens.subList(start, i)));
                }
                start = i + 1;
            }
        }
        return List.copyOf(types);
    }

    /** CTE names, lower-cased unless quoted. */
    static Set<String> cteNames(List<Token> tokens) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean startsCte = t.isWord("WITH") || t.isWord("RECURSIVE") || (t.isPunct(",") && i > 0
                    && tokens.get(i - 1).isPunct(")"));
            if (startsCte && isName(tokens.get(i + 1)) && followsAs(tokens, i + 2)) {
                names.add(identifier(tokens.get(i + 1)));
            }
        }
        return names;
    }

    /** Whether {@code AS} comes next, possibly after a column list. */
    private static boolean followsAs(List<Token> tokens, int i) {
        if (i < tokens.size() && tokens.get(i).isPunct("(")) {
            int depth = 0;
            for (; i < tokens.size(); i++) {
                if (tokens.get(i).isPunct("(")) {
                    depth++;
                } else if (tokens.get(i).isPunct(")") && --depth == 0) {
                    i++;
                    break;
                }
            }
        }
        return i < tokens.size() && tokens.get(i).isWord("AS");
    }

    static boolean isName(Token t) {
        return t.kind() == Kind.WORD || t.kind() == Kind.QUOTED_IDENT;
    }

    private static boolean isKeyword(Token t) {
        return t.kind() == Kind.WORD && SqlNormalizer.KEYWORDS.contains(upper(t));
    }

    private static String upper(Token t) {
        return t.text().toUpperCase(Locale.ROOT);
    }

    /** The identifier as the server sees it: quoted names unquoted, unquoted names lower-cased. */
    static String identifier(Token t) {
        if (t.kind() == Kind.QUOTED_IDENT) {
            String inner = t.text().substring(1, Math.max(1, t.text().length() - 1));
            return inner.replace("\"\"", "\"");
        }
        return t.text().toLowerCase(Locale.ROOT);
    }
}
