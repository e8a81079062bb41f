package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import dev.pgtestkit.querylog.internal.PgKeywords.Category;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Normalized form of a statement, grouping executions as {@code pg_stat_statements} groups them where the text can
 * tell: constants become {@code ?} whatever their spelling, whitespace, comments, keyword case, needless quotes,
 * column aliases and the length of {@code IN} lists / multi-row {@code VALUES} / {@code ARRAY[...]} do not count.
 *
 * <ul>
 *   <li>Constants: strings, numbers (a unary minus belongs to its number, also in {@code -(14)}, but not in
 *       {@code -1::int}, which the server reads as {@code -(1::int)}), {@code true}/{@code false} and {@code NULL}
 *       except after {@code IS}, and JDBC placeholders. A constant keeps the type it is cast to, written one way
 *       ({@code '1'::integer}, {@code CAST('1' AS int4)} and {@code 1} are all {@code ?}; {@code DATE 'x'} and
 *       {@code 'x'::date} are {@code ?::date}; {@code INTERVAL '2' DAY} is {@code ?::interval}).</li>
 *   <li>Syntax stays: {@code $n}, {@code IS TRUE}, positions in a query's {@code ORDER BY} / {@code GROUP BY}
 *       (but a number in an aggregate's or window's {@code ORDER BY} is a constant).</li>
 *   <li>{@code FETCH FIRST n ROWS ONLY} is {@code LIMIT ?}; JDBC escapes are read as PgJDBC sends them
 *       (<code>&#123;fn ucase(x)&#125;</code> is {@code upper(x)}, <code>&#123;d 'x'&#125;</code> is {@code ?::date}).</li>
 *   <li>Identifiers are quoted exactly when the server needs it ({@link PgKeywords#needsQuotes}); reserved keywords
 *       and statement words are upper-cased, other words lower-cased.</li>
 * </ul>
 * Operators containing {@code ?} are written JDBC-escaped ({@code ??|}), so the result is itself valid prepared SQL.
 */
final class SqlNormalizer {

    /** Words written in upper case besides the reserved keywords: the statement and clause words people expect. */
    private static final Set<String> STATEMENT_WORDS = Set.of(
            "ALTER", "ANALYZE", "BEGIN", "BETWEEN", "BY", "CALL", "COMMIT", "CONFLICT", "COPY", "CROSS", "CURRENT",
            "DELETE", "DROP", "ESCAPE", "EXISTS", "EXPLAIN", "FILTER", "FIRST", "FULL", "ILIKE", "INNER", "INSERT",
            "IS", "JOIN", "LEFT", "LIKE", "LOCKED", "MATCHED", "MATERIALIZED", "MERGE", "NATURAL", "NEXT", "NOTHING",
            "NOWAIT", "NULLS", "OUTER", "OVER", "PARTITION", "RECURSIVE", "RIGHT", "ROLLBACK", "ROW", "ROWS",
            "SAVEPOINT", "SET", "SHARE", "SHOW", "SIMILAR", "SKIP", "TIES", "TRUNCATE", "UPDATE", "VALUES", "WITHIN");

    /** Upper-case words that are keywords here: the statement words and PostgreSQL's reserved keywords. */
    static final Set<String> KEYWORDS = keywords();

    /** Words after which a {@code -} is a sign, not a subtraction. */
    private static final Set<String> SIGN_CONTEXT_WORDS = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "THEN",
            "ELSE", "WHEN", "VALUES", "BY", "LIMIT", "OFFSET", "RETURNING", "SET", "ON", "HAVING", "IN", "BETWEEN",
            "IS", "DEFAULT", "CASE", "FETCH", "LIKE", "ILIKE", "ANY", "SOME", "ALL", "FIRST", "NEXT");

    private static final Set<String> SIGN_CONTEXT_PUNCTUATION = Set.of("(", ",", "[", ";", "{");

    /** Clause words that end an ORDER BY / GROUP BY list. */
    private static final Set<String> END_OF_BY_LIST = Set.of("LIMIT", "OFFSET", "FETCH", "FOR", "HAVING", "WINDOW",
            "UNION", "INTERSECT", "EXCEPT", "ORDER", "RETURNING");

    /** Clause words that end a select list. */
    private static final Set<String> END_OF_SELECT_LIST = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING",
            "WINDOW", "ORDER", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "INTERSECT", "EXCEPT");

    /** Words that may start a typed literal ({@code DATE '2024-01-01'}). */
    private static final Set<String> TYPED_LITERAL_TYPES = Set.of("date", "time", "timestamp", "timestamptz",
            "interval", "int", "integer", "int2", "int4", "int8", "smallint", "bigint", "numeric", "decimal",
            "real", "float", "float4", "float8", "double", "bool", "boolean", "text", "varchar", "character", "char",
            "uuid", "json", "jsonb", "bytea", "inet", "cidr", "money", "xml");

    private static final Set<String> INTERVAL_FIELDS = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND",
            "TO");

    /** One spelling per type: the server's internal names. */
    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("smallint", "int2"),
            Map.entry("bigint", "int8"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("decimal", "numeric"), Map.entry("boolean", "bool"), Map.entry("char", "bpchar"),
            Map.entry("character", "bpchar"));

    /** A constant of these types needs no cast in the normal form: a bare integer is int4, a bare string text. */
    private static final Set<String> BARE_TYPES = Set.of("int4", "text");

    /** PgJDBC's translations of {@code {fn name(...)}} that are a mere rename. */
    private static final Map<String, String> JDBC_FUNCTIONS = Map.of("ucase", "upper", "lcase", "lower",
            "ifnull", "coalesce", "ceiling", "ceil", "power", "pow", "log", "ln", "log10", "log", "truncate", "trunc",
            "char", "chr", "rand", "random");

    private SqlNormalizer() {
    }

    /** The normalized text of {@code tokens} (from {@link SqlLexer}). */
    static String normalize(List<Token> tokens) {
        List<String> pieces = new Pass(tokens).run();
        ListCollapser.collapse(pieces);
        ListCollapser.anyArrayAsIn(pieces);
        limitBeforeOffset(pieces);
        return render(pieces);
    }

    /** {@code OFFSET ? LIMIT ?} (as {@code OFFSET n ROWS FETCH FIRST m ROWS ONLY} reads) is {@code LIMIT ? OFFSET ?}. */
    private static void limitBeforeOffset(List<String> pieces) {
        for (int i = 0; i + 3 < pieces.size(); i++) {
            if (pieces.get(i).equals("OFFSET") && pieces.get(i + 2).equals("LIMIT")) {
                List<String> offset = List.of(pieces.get(i), pieces.get(i + 1));
                pieces.set(i, "LIMIT");
                pieces.set(i + 1, pieces.get(i + 3));
                pieces.set(i + 2, offset.get(0));
                pieces.set(i + 3, offset.get(1));
            }
        }
    }

    /** How a word is written in the normal form. */
    static String word(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return KEYWORDS.contains(upper) ? upper : text.toLowerCase(Locale.ROOT);
    }

    private static Set<String> keywords() {
        Set<String> all = new HashSet<>(STATEMENT_WORDS);
        PgKeywords.all().forEach((word, category) -> {
            if (category == Category.RESERVED) {
                all.add(word.toUpperCase(Locale.ROOT));
            }
        });
        return Set.copyOf(all);
    }

    /** One normalization of one token list. */
    private static final class Pass {

        private final List<Token> tokens;
        private final int last;
        private final boolean[] positional;
        private final BitSet aliases;
        private final boolean nullIsConstant;
        /** {@code SET name TO value} is {@code SET name = value}; the index of the value in such a statement. */
        private final boolean setStatement;
        private final int setValueAt;
        private final List<String> pieces = new ArrayList<>();
        /** Per open brace: whether its closing brace belongs to a JDBC escape and is dropped. */
        private final Deque<Boolean> braces = new ArrayDeque<>();

        Pass(List<Token> tokens) {
            this.tokens = tokens;
            this.last = lastSignificant(tokens);
            this.positional = positionalNumbers(tokens);
            this.aliases = columnAliases(tokens);
            this.nullIsConstant = isDml(tokens);
            int name = !tokens.isEmpty() && tokens.get(0).isWord("SET") ? 1 : -1;
            if (name > 0 && name <= last && (tokens.get(name).isWord("SESSION") || tokens.get(name).isWord("LOCAL"))) {
                name++;
            }
            while (name > 0 && name + 2 <= last && tokens.get(name + 1).isPunct(".")) {
                name += 2;
            }
            this.setStatement = name > 0 && name + 1 <= last && tokens.get(name + 1).isWord("TO");
            this.setValueAt = name + 2;
        }

        List<String> run() {
            for (int i = 0; i <= last; ) {
                i = step(i);
            }
            return pieces;
        }

        /** Adds the pieces of the token(s) at {@code i}; returns the index of the next token to read. */
        private int step(int i) {
            Token t = tokens.get(i);
            if (aliases.get(i)) {
                return i + 1;
            }
            if (t.isPunct("{")) {
                int next = jdbcEscape(i);
                if (next > i) {
                    return next;
                }
                braces.push(Boolean.FALSE);
            } else if (t.isPunct("}") && !braces.isEmpty() && braces.pop()) {
                return i + 1;
            }
            int distinct = distinctFromNull(i);
            if (distinct > i) {
                return distinct;
            }
            if (t.isWord("TO") && setStatement && i == setValueAt - 1) {
                pieces.add("=");
                return i + 1;
            }
            int fetch = fetchFirst(i);
            if (fetch > i) {
                return fetch;
            }
            int constant = constant(i);
            if (constant > i) {
                return constant;
            }
            if (t.isWord("OFFSET")) {
                return offset(i);
            }
            pieces.add(piece(t));
            return i + 1;
        }

        /** {@code IS DISTINCT FROM NULL} is {@code IS NOT NULL} for the server, and the reverse. */
        private int distinctFromNull(int i) {
            int j = i;
            if (!tokens.get(j).isWord("IS")) {
                return i;
            }
            boolean not = j + 1 <= last && tokens.get(j + 1).isWord("NOT");
            j += not ? 2 : 1;
            if (j + 2 > last || !tokens.get(j).isWord("DISTINCT") || !tokens.get(j + 1).isWord("FROM")
                    || !tokens.get(j + 2).isWord("NULL")) {
                return i;
            }
            pieces.add("IS");
            if (!not) {
                pieces.add("NOT");
            }
            pieces.add("NULL");
            return j + 3;
        }

        /** {@code OFFSET n ROWS} is {@code OFFSET n}. */
        private int offset(int i) {
            pieces.add("OFFSET");
            int next = constant(i + 1);
            if (next == i + 1) {
                return next;
            }
            boolean rows = next <= last && (tokens.get(next).isWord("ROW") || tokens.get(next).isWord("ROWS"));
            return rows ? next + 1 : next;
        }

        private String piece(Token t) {
            return switch (t.kind()) {
                case NUMBER -> t.text(); // positional; other numbers are constants
                case WORD -> word(t.text());
                case OPERATOR -> t.text().replace("?", "??");
                case QUOTED_IDENT -> quotedIdentifier(t.text());
                default -> t.text();
            };
        }

        /**
         * A constant starting at {@code i} (with its cast, sign or typed-literal prefix): adds {@code ?} and its type
         * and returns the index after it, or {@code i} when there is none.
         */
        private int constant(int i) {
            if (i > last) {
                return i;
            }
            Token t = tokens.get(i);
            int end;
            String type = null;
            if (t.isWord("CAST") && i + 1 <= last && tokens.get(i + 1).isPunct("(")) {
                int inner = bareConstant(i + 2);
                TypeName cast = inner > i + 2 && inner <= last && tokens.get(inner).isWord("AS")
                        ? typeName(inner + 1) : null;
                if (cast == null || cast.end > last || !tokens.get(cast.end).isPunct(")")) {
                    return i;
                }
                String own = inner == i + 3 ? numberType(tokens.get(i + 2)) : null;
                pieces.add("?" + suffix(own == null || own.equals(cast.name) ? cast.name : own + "::" + cast.name));
                return cast.end + 1;
            }
            TypeName literal = typedLiteral(i);
            if (literal != null) {
                end = literal.end;
                type = literal.name;
            } else {
                end = bareConstant(i);
                if (end == i) {
                    return i;
                }
            }
            if (end + 1 <= last && tokens.get(end).isPunct("::") && type == null) {
                TypeName cast = typeName(end + 1);
                if (cast != null) {
                    String own = end == i + 1 ? numberType(t) : null;
                    // a typed number cast to another type is a conversion, not a constant of that type
                    type = own == null || own.equals(cast.name) ? cast.name : own + "::" + cast.name;
                    end = cast.end;
                }
            }
            pieces.add("?" + suffix(type));
            return end;
        }

        /** After a bare constant at {@code i}: a string, number, placeholder, boolean, NULL or signed number. */
        private int bareConstant(int i) {
            if (i > last) {
                return i;
            }
            Token t = tokens.get(i);
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            return switch (t.kind()) {
                case STRING, JDBC_PARAM -> i + 1;
                case NUMBER -> positional[i] ? i : i + 1;
                case WORD -> wordConstant(i, previous);
                case OPERATOR -> signedNumber(i, previous);
                default -> i;
            };
        }

        /** {@code true}, {@code false} and (in DML) {@code NULL}, except after {@code IS [NOT]}. */
        private int wordConstant(int i, Token previous) {
            Token t = tokens.get(i);
            boolean afterIs = previous != null && (previous.isWord("IS")
                    || (previous.isWord("NOT") && i > 1 && tokens.get(i - 2).isWord("IS")));
            if ((t.isWord("TRUE") || t.isWord("FALSE")) && !afterIs) {
                return i + 1;
            }
            boolean constraint = previous != null && previous.isWord("NOT");
            return t.isWord("NULL") && nullIsConstant && !afterIs && !constraint ? i + 1 : i;
        }

        /** {@code -5} and {@code -(14)} are constants; in {@code -1::int} the minus is an operator. */
        private int signedNumber(int i, Token previous) {
            if (!tokens.get(i).text().equals("-") || !isSignContext(previous) || i + 1 > last) {
                return i;
            }
            Token next = tokens.get(i + 1);
            if (next.kind() == Kind.NUMBER && !positional[i + 1]) {
                boolean castFirst = i + 2 <= last && (tokens.get(i + 2).isPunct("::")
                        || tokens.get(i + 2).isPunct("["));
                return castFirst ? i : i + 2;
            }
            boolean parenthesized = next.isPunct("(") && i + 3 <= last
                    && tokens.get(i + 2).kind() == Kind.NUMBER && tokens.get(i + 3).isPunct(")");
            return parenthesized ? i + 4 : i;
        }

        /** {@code DATE '…'}, {@code INTERVAL '2' DAY}: the type and the index after the literal, or null. */
        private TypeName typedLiteral(int i) {
            Token t = tokens.get(i);
            if (t.kind() != Kind.WORD || !TYPED_LITERAL_TYPES.contains(t.text().toLowerCase(Locale.ROOT))
                    || (i > 0 && (tokens.get(i - 1).isPunct(".") || tokens.get(i - 1).isPunct("::")))) {
                return null;
            }
            TypeName type = typeName(i);
            if (type == null || type.end > last || tokens.get(type.end).kind() != Kind.STRING) {
                return null;
            }
            int end = type.end + 1;
            if (type.name.equals("interval")) {
                end = skipIntervalFields(end);
            }
            return new TypeName(type.name, end);
        }

        /** The type name at {@code i} in one spelling (typmods dropped: the server's grouping ignores them). */
        private TypeName typeName(int i) {
            int j = i;
            if (j + 1 <= last && tokens.get(j).isWord("pg_catalog") && tokens.get(j + 1).isPunct(".")) {
                j += 2;
            }
            if (j > last || !SqlStructure.isName(tokens.get(j))) {
                return null;
            }
            String name = SqlStructure.identifier(tokens.get(j++));
            switch (name) {
                case "double" -> {
                    if (j <= last && tokens.get(j).isWord("precision")) {
                        j++;
                    }
                    name = "float8";
                }
                case "character", "char", "bit" -> {
                    if (j <= last && tokens.get(j).isWord("varying")) {
                        j++;
                        name = name.equals("bit") ? "varbit" : "varchar";
                    }
                }
                case "timestamp", "time" -> {
                    j = skipParenthesized(j);
                    if (j + 2 <= last && (tokens.get(j).isWord("WITH") || tokens.get(j).isWord("WITHOUT"))
                            && tokens.get(j + 1).isWord("TIME") && tokens.get(j + 2).isWord("ZONE")) {
                        name = tokens.get(j).isWord("WITH") ? name + "tz" : name;
                        j += 3;
                    }
                }
                case "interval" -> j = skipIntervalFields(j);
                default -> {
                }
            }
            j = skipParenthesized(j);
            StringBuilder array = new StringBuilder();
            while (j + 1 <= last && tokens.get(j).isPunct("[")) {
                int close = j + 1 <= last && tokens.get(j + 1).kind() == Kind.NUMBER ? j + 2 : j + 1;
                if (close > last || !tokens.get(close).isPunct("]")) {
                    break;
                }
                array.append("[]");
                j = close + 1;
            }
            return new TypeName(TYPE_ALIASES.getOrDefault(name, name) + array, j);
        }

        private int skipIntervalFields(int j) {
            while (j <= last && tokens.get(j).kind() == Kind.WORD
                    && INTERVAL_FIELDS.contains(tokens.get(j).text().toUpperCase(Locale.ROOT))) {
                j++;
            }
            return skipParenthesized(j);
        }

        private int skipParenthesized(int j) {
            return j <= last && tokens.get(j).isPunct("(") ? LiteralColumns.closing(tokens, j) + 1 : j;
        }

        /** {@code FETCH FIRST [n] ROW[S] ONLY}, which the server reads as {@code LIMIT n}. */
        private int fetchFirst(int i) {
            if (!tokens.get(i).isWord("FETCH") || i + 1 > last
                    || !(tokens.get(i + 1).isWord("FIRST") || tokens.get(i + 1).isWord("NEXT"))) {
                return i;
            }
            int j = i + 2;
            int afterCount = bareConstant(j);
            boolean constantCount = afterCount > j;
            j = afterCount;
            if (j + 1 > last || !(tokens.get(j).isWord("ROW") || tokens.get(j).isWord("ROWS"))
                    || !tokens.get(j + 1).isWord("ONLY") || (!constantCount && j != i + 2)) {
                return i;
            }
            pieces.add("LIMIT");
            pieces.add("?");
            return j + 2;
        }

        /** A JDBC escape PgJDBC translates before sending; returns the index after what it consumed, or {@code i}. */
        private int jdbcEscape(int i) {
            if (i + 1 > last || tokens.get(i + 1).kind() != Kind.WORD) {
                return i;
            }
            String keyword = tokens.get(i + 1).text().toLowerCase(Locale.ROOT);
            return switch (keyword) {
                case "fn" -> functionEscape(i);
                case "d", "t", "ts" -> dateTimeEscape(i, keyword);
                case "oj", "escape", "limit" -> {
                    if (!keyword.equals("oj")) {
                        pieces.add(keyword.toUpperCase(Locale.ROOT));
                    }
                    braces.push(Boolean.TRUE);
                    yield i + 2;
                }
                default -> i;
            };
        }

        /** <code>&#123;fn ucase(x)&#125;</code>: the function as PgJDBC renames it. */
        private int functionEscape(int i) {
            if (i + 2 > last || tokens.get(i + 2).kind() != Kind.WORD) {
                return i;
            }
            String function = tokens.get(i + 2).text().toLowerCase(Locale.ROOT);
            pieces.add(JDBC_FUNCTIONS.getOrDefault(function, function));
            braces.push(Boolean.TRUE);
            return i + 3;
        }

        /** <code>&#123;d '2024-01-01'&#125;</code> is a typed literal. */
        private int dateTimeEscape(int i, String keyword) {
            boolean value = i + 3 <= last && (tokens.get(i + 2).kind() == Kind.STRING
                    || tokens.get(i + 2).kind() == Kind.JDBC_PARAM) && tokens.get(i + 3).isPunct("}");
            if (!value) {
                return i;
            }
            pieces.add("?::" + (keyword.equals("d") ? "date" : keyword.equals("t") ? "time" : "timestamp"));
            return i + 4;
        }
    }

    private record TypeName(String name, int end) {
    }

    /** The type the server gives a number constant ({@code int4}, {@code int8}, {@code numeric}); null if no number. */
    private static String numberType(Token t) {
        if (t.kind() != Kind.NUMBER) {
            return null;
        }
        String digits = t.text().replace("_", "");
        if (!digits.chars().allMatch(Character::isDigit)) {
            return digits.matches("0[xXoObB][0-9a-fA-F]+") ? "int4" : "numeric";
        }
        if (digits.length() < 10 || (digits.length() == 10 && digits.compareTo("2147483647") <= 0)) {
            return "int4";
        }
        return digits.length() < 19 || (digits.length() == 19 && digits.compareTo("9223372036854775807") <= 0)
                ? "int8" : "numeric";
    }

    /** How a constant of {@code type} (null: unknown) is written after its {@code ?}. */
    private static String suffix(String type) {
        return type == null || BARE_TYPES.contains(type) ? "" : "::" + type;
    }

    /** {@code "id"} names the same column as {@code id}: quotes the server does not need are dropped. */
    private static String quotedIdentifier(String quoted) {
        if (quoted.length() < 2 || !quoted.endsWith("\"")) {
            return quoted; // unterminated
        }
        String name = quoted.substring(1, quoted.length() - 1).replace("\"\"", "\"");
        return PgKeywords.needsQuotes(name) ? quoted : word(name);
    }

    /** Index of the last token that is not a trailing semicolon. */
    private static int lastSignificant(List<Token> tokens) {
        int last = tokens.size() - 1;
        while (last >= 0 && tokens.get(last).isPunct(";")) {
            last--;
        }
        return last;
    }

    /** Whether NULL is a value here (DML); in DDL it is part of the syntax ({@code DEFAULT NULL}, constraints). */
    private static boolean isDml(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(0).kind() != Kind.WORD) {
            return !tokens.isEmpty() && tokens.get(0).isPunct("(");
        }
        String first = tokens.get(0).text().toUpperCase(Locale.ROOT);
        return Set.of("SELECT", "WITH", "VALUES", "INSERT", "UPDATE", "DELETE", "MERGE", "TABLE").contains(first);
    }

    private static boolean isSignContext(Token previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case OPERATOR -> true;
            case PUNCT -> SIGN_CONTEXT_PUNCTUATION.contains(previous.text());
            case WORD -> SIGN_CONTEXT_WORDS.contains(previous.text().toUpperCase(Locale.ROOT));
            default -> false;
        };
    }

    /**
     * Numbers that name a column by position in a query's ORDER BY / GROUP BY list: kept as they are. In an
     * aggregate's or a window's ORDER BY ({@code string_agg(x, ',' ORDER BY 1)}) a number is a constant.
     */
    private static boolean[] positionalNumbers(List<Token> tokens) {
        boolean[] positional = new boolean[tokens.size()];
        BitSet inByList = new BitSet();
        BitSet queryLevel = new BitSet();
        queryLevel.set(0);
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                depth++;
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                queryLevel.set(depth, next != null && (next.isWord("SELECT") || next.isWord("WITH")
                        || next.isWord("VALUES") || next.isWord("TABLE") || next.isPunct("(")));
            } else if (t.isPunct(")") && depth > 0) {
                inByList.clear(depth--);
            } else if (t.isWord("BY") && i > 0
                    && (tokens.get(i - 1).isWord("ORDER") || tokens.get(i - 1).isWord("GROUP"))) {
                inByList.set(depth, queryLevel.get(depth));
            } else if (t.kind() == Kind.WORD && END_OF_BY_LIST.contains(t.text().toUpperCase(Locale.ROOT))) {
                inByList.clear(depth);
            } else if (t.kind() == Kind.NUMBER && inByList.get(depth)) {
                positional[i] = isPositionalSlot(tokens, i);
            }
        }
        return positional;
    }

    private static boolean isPositionalSlot(List<Token> tokens, int i) {
        Token previous = tokens.get(i - 1);
        if (!previous.isWord("BY") && !previous.isPunct(",")) {
            return false;
        }
        if (i + 1 == tokens.size()) {
            return true;
        }
        Token next = tokens.get(i + 1);
        return next.kind() == Kind.WORD || next.isPunct(",") || next.isPunct(")") || next.isPunct(";");
    }

    /**
     * Column aliases of select lists and RETURNING lists ({@code AS name}, or a bare name after an expression):
     * the server's grouping ignores them.
     */
    private static BitSet columnAliases(List<Token> tokens) {
        BitSet aliases = new BitSet();
        Deque<Boolean> inSelectList = new ArrayDeque<>();
        inSelectList.push(Boolean.FALSE);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                inSelectList.push(Boolean.FALSE);
            } else if (t.isPunct(")")) {
                if (inSelectList.size() > 1) {
                    inSelectList.pop();
                }
            } else if (t.isWord("SELECT") || t.isWord("RETURNING")) {
                inSelectList.pop();
                inSelectList.push(Boolean.TRUE);
            } else if ((t.kind() == Kind.WORD && END_OF_SELECT_LIST.contains(t.text().toUpperCase(Locale.ROOT)))
                    || t.isPunct(";")) {
                inSelectList.pop();
                inSelectList.push(Boolean.FALSE);
            } else if (inSelectList.peek()) {
                if (t.isWord("AS") && i + 1 < tokens.size() && SqlStructure.isName(tokens.get(i + 1))) {
                    aliases.set(i, i + 2);
                    i++;
                } else if (isBareAlias(tokens, i)) {
                    aliases.set(i);
                }
            }
        }
        return aliases;
    }

    private static boolean isBareAlias(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        boolean name = t.kind() == Kind.QUOTED_IDENT || isPlainName(t);
        if (!name || i == 0) {
            return false;
        }
        Token previous = tokens.get(i - 1);
        boolean endsExpression = switch (previous.kind()) {
            case STRING, NUMBER, JDBC_PARAM, DOLLAR_PARAM, QUOTED_IDENT -> true;
            case WORD -> isPlainName(previous);
            case PUNCT -> previous.isPunct(")") || previous.isPunct("]");
            default -> false;
        };
        if (!endsExpression) {
            return false;
        }
        if (i + 1 == tokens.size()) {
            return true;
        }
        Token next = tokens.get(i + 1);
        return next.isPunct(",") || next.isPunct(")") || next.isPunct(";")
                || (next.kind() == Kind.WORD && END_OF_SELECT_LIST.contains(next.text().toUpperCase(Locale.ROOT)));
    }

    /** A word that is no keyword or an unreserved one (not a statement word): a name, {@code name} or {@code label}. */
    private static boolean isPlainName(Token t) {
        Category category = PgKeywords.category(t.text());
        return t.kind() == Kind.WORD && (category == null || category == Category.UNRESERVED)
                && !STATEMENT_WORDS.contains(t.text().toUpperCase(Locale.ROOT));
    }

    private static String render(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0 && spaceBetween(i > 1 ? pieces.get(i - 2) : "", pieces.get(i - 1), pieces.get(i))) {
                out.append(' ');
            }
            out.append(pieces.get(i));
        }
        return out.toString();
    }

    /** Single spaces between pieces, except inside brackets, around dots and casts, and before call parentheses. */
    private static boolean spaceBetween(String beforePrevious, String previous, String next) {
        return switch (next) {
            case ",", ")", "]", "}", ";", ".", "::" -> false;
            case "(", "[" -> {
                boolean call = (isIdentifier(previous) || previous.equals("CAST"))
                        && !beforePrevious.equals("INTO") && !beforePrevious.equals("TABLE");
                yield !call && !previous.equals("ARRAY") && !previous.equals("]");
            }
            default -> !(previous.equals("(") || previous.equals("[") || previous.equals("{")
                    || previous.equals(".") || previous.equals("::"));
        };
    }

    /** Identifiers were lower-cased or are quoted; keywords are all upper case. */
    private static boolean isIdentifier(String piece) {
        if (piece.startsWith("\"")) {
            return true;
        }
        for (int i = 0; i < piece.length(); i++) {
            if (Character.isLowerCase(piece.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
