package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import dev.pgtestkit.core.sql.Token.Kind;
import dev.pgtestkit.querylog.CallSite;
import dev.pgtestkit.querylog.RedactionRules;
import dev.pgtestkit.querylog.StatementType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything derived from one SQL string, computed once and shared by all its executions: the text to show
 * (secret constants redacted), the normalized form, the statement type, which parameters are secret, and the
 * JSqlParser answer (arriving in the background). Also holds the per-statement call-site sampling state.
 */
final class SqlInfo {

    private static final CompletableFuture<ParseResult> NOT_PARSED =
            CompletableFuture.completedFuture(ParseResult.failed("JSqlParser disabled"));

    final String sql;
    final boolean jdbc;
    final String displaySql;
    /** Values of the constants of secret columns, kept out of plans. */
    final List<String> secretConstants;
    final String normalized;
    final StatementType lexerType;
    final List<String> lexerTables;
    final boolean multiStatement;
    /** The lexer's type of each statement of a multi-statement string. */
    final List<StatementType> statementTypes;
    /** Names of the CTEs, which are no tables. */
    private final java.util.Set<String> cteNames;
    final int placeholders;
    /** Creates a temporary table (or view, sequence) that only its session sees. */
    final boolean createsTemporary;
    /** Ends the transaction ({@code COMMIT}, {@code ROLLBACK}…, as SQL text). */
    final boolean endsTransaction;
    /** pgtestkit's own statement ({@link dev.pgtestkit.querylog.QueryLogger#INTERNAL_MARKER}): not recorded. */
    final boolean internal;
    /** Ordinals (1-based, ascending) of the JDBC parameters bound to LIMIT or OFFSET. */
    final int[] pagingParameters;
    private final boolean[] secretParameters;
    private final CompletableFuture<ParseResult> parse;

    /** Executions seen, for call-site sampling; racy increments are fine for a sampling heuristic. */
    int executions;
    /** The last call site captured for this statement, reused between samples. */
    volatile CallSite lastCallSite;
    /**
     * Set when a plan could not be captured on a separate connection because that connection does not see the
     * statement's table: a session that knows it has such tables explains it again on itself.
     */
    volatile boolean tableInvisibleElsewhere;
    /** The plan captured for this statement, reused while it stays slow. */
    volatile CompletableFuture<dev.pgtestkit.querylog.QueryPlan> plan;

    private SqlInfo(String sql, boolean jdbc, List<Token> tokens, RedactionRules rules,
            java.util.function.Function<String, String> schemaOf, SqlParserService parser) {
        this.sql = sql;
        this.jdbc = jdbc;
        String[] columns = LiteralColumns.columns(tokens, rules);
        this.displaySql = SqlText.redactConstants(sql, tokens, columns, rules);
        this.secretConstants = SqlText.secretConstants(tokens, columns, rules);
        this.normalized = SqlNormalizer.normalize(
                schemaOf == null ? tokens : SchemaQualification.unqualified(tokens, schemaOf));
        this.lexerType = SqlStructure.type(tokens);
        this.lexerTables = SqlStructure.tables(tokens);
        this.multiStatement = SqlStructure.isMultiStatement(tokens);
        this.statementTypes = multiStatement ? SqlStructure.statementTypes(tokens) : List.of(lexerType);
        this.cteNames = SqlStructure.cteNames(tokens);
        this.secretParameters = secretParameters(tokens, columns, rules);
        this.placeholders = count(tokens, Kind.JDBC_PARAM);
        this.createsTemporary = SqlStructure.createsTemporary(tokens);
        this.endsTransaction = SqlStructure.endsTransaction(tokens);
        this.internal = sql.stripLeading().startsWith(dev.pgtestkit.querylog.QueryLogger.INTERNAL_MARKER);
        this.pagingParameters = pagingParameters(tokens);
        this.parse = parser == null ? NOT_PARSED : parser.submit(sql);
    }

    /** A copy sharing the analysis (and the parse in flight) with fresh per-statement state: no plan, no sampling. */
    private SqlInfo(SqlInfo analysis) {
        this.sql = analysis.sql;
        this.jdbc = analysis.jdbc;
        this.displaySql = analysis.displaySql;
        this.secretConstants = analysis.secretConstants;
        this.normalized = analysis.normalized;
        this.lexerType = analysis.lexerType;
        this.lexerTables = analysis.lexerTables;
        this.multiStatement = analysis.multiStatement;
        this.statementTypes = analysis.statementTypes;
        this.cteNames = analysis.cteNames;
        this.secretParameters = analysis.secretParameters;
        this.placeholders = analysis.placeholders;
        this.createsTemporary = analysis.createsTemporary;
        this.endsTransaction = analysis.endsTransaction;
        this.internal = analysis.internal;
        this.pagingParameters = analysis.pagingParameters;
        this.parse = analysis.parse;
    }

    /**
     * The same analysis for another database's loggers: the plan captured and the table visibility learned belong to
     * a database, so they start empty.
     */
    SqlInfo copy() {
        return new SqlInfo(this);
    }

    /** Analyzes {@code sql} without a catalog (see the other overload). */
    static SqlInfo analyze(String sql, boolean jdbc, RedactionRules rules, SqlParserService parser) {
        return analyze(sql, jdbc, rules, null, parser);
    }

    /**
     * Analyzes {@code sql}; {@code jdbc} reads {@code ?} as placeholders; {@code schemaOf} (may be null) drops
     * redundant schema qualifiers from the normal form; a null parser skips JSqlParser.
     */
    static SqlInfo analyze(String sql, boolean jdbc, RedactionRules rules,
            java.util.function.Function<String, String> schemaOf, SqlParserService parser) {
        return new SqlInfo(sql, jdbc, SqlLexer.tokenize(sql, jdbc), rules, schemaOf, parser);
    }

    /** Whether the value bound to JDBC parameter {@code index} (1-based) belongs to a secret column. */
    boolean isSecretParameter(int index) {
        return secretParameters != null && index >= 1 && index <= secretParameters.length
                && secretParameters[index - 1];
    }

    /** Whether any bound value belongs to a secret column. */
    boolean hasSecretParameters() {
        return secretParameters != null;
    }

    /** JSqlParser's type when it parsed the statement to something specific, else the lexer's. May wait. */
    StatementType type() {
        ParseResult result = awaitParse();
        return result.succeeded() && result.type() != StatementType.OTHER ? result.type() : lexerType;
    }

    /** JSqlParser's tables when it parsed the statement, else the lexer's. May wait for the parse. */
    List<String> tables() {
        ParseResult result = awaitParse();
        if (!result.succeeded() || (result.tables().isEmpty() && !lexerTables.isEmpty())) {
            return lexerTables;
        }
        if (cteNames.isEmpty()) {
            return result.tables();
        }
        return result.tables().stream()
                .filter(t -> !cteNames.contains(t) && !cteNames.contains(t.toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** The parse result, waiting at most the parser's time-out (plus queueing slack). */
    ParseResult awaitParse() {
        try {
            return parse.get(SqlParserService.TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ParseResult.failed("interrupted while waiting for JSqlParser");
        } catch (ExecutionException | TimeoutException e) {
            return ParseResult.failed("JSqlParser did not answer in time");
        }
    }

    private static boolean[] secretParameters(List<Token> tokens, String[] columns, RedactionRules rules) {
        boolean[] secret = new boolean[count(tokens, Kind.JDBC_PARAM)];
        boolean any = false;
        int ordinal = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.JDBC_PARAM) {
                secret[ordinal] = rules.isSecret(columns[i]);
                any |= secret[ordinal];
                ordinal++;
            }
        }
        return any ? secret : null;
    }

    private static int[] pagingParameters(List<Token> tokens) {
        List<Integer> paging = new java.util.ArrayList<>();
        int ordinal = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.JDBC_PARAM) {
                ordinal++;
                Token previous = i > 0 ? tokens.get(i - 1) : null;
                if (previous != null && (previous.isWord("LIMIT") || previous.isWord("OFFSET")
                        || previous.isWord("FIRST") || previous.isWord("NEXT"))) {
                    paging.add(ordinal);
                }
            }
        }
        return paging.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int count(List<Token> tokens, Kind kind) {
        int n = 0;
        for (Token t : tokens) {
            n += t.kind() == kind ? 1 : 0;
        }
        return n;
    }

    @Override
    public String toString() {
        return normalized;
    }
}
