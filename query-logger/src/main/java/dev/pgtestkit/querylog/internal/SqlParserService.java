package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.StatementType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Parses statements with JSqlParser off the application's threads: one dispatcher thread with a bounded queue
 * (a full queue answers "skipped" at once instead of blocking the caller) and one worker thread on which
 * JSqlParser enforces its time-out. Shared by every logger in the JVM; threads are daemons.
 */
final class SqlParserService {

    /** Statements waiting to be parsed before new ones are skipped. */
    static final int QUEUE_CAPACITY = 2048;
    /** JSqlParser gives up on a statement after this long (some inputs make it backtrack for seconds). */
    static final long TIMEOUT_MILLIS = 2_000;

    static final SqlParserService SHARED = new SqlParserService();

    private final ThreadPoolExecutor dispatcher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE_CAPACITY), DaemonThreads.named("pgtestkit-querylog-parser"));
    private final ExecutorService worker =
            Executors.newSingleThreadExecutor(DaemonThreads.named("pgtestkit-querylog-parse-worker"));

    private SqlParserService() {
    }

    /** Parses {@code sql} in the background; the future always completes, never exceptionally. */
    CompletableFuture<ParseResult> submit(String sql) {
        CompletableFuture<ParseResult> result = new CompletableFuture<>();
        try {
            dispatcher.execute(() -> result.complete(parse(sql)));
        } catch (RejectedExecutionException e) {
            result.complete(ParseResult.failed("skipped: more than " + QUEUE_CAPACITY + " statements waiting"));
        }
        return result;
    }

    private ParseResult parse(String sql) {
        try {
            Statement statement = CCJSqlParserUtil.parse(sql, worker, parser -> parser.withTimeOut(TIMEOUT_MILLIS));
            return ParseResult.parsed(typeOf(statement), tables(statement));
        } catch (Exception | StackOverflowError e) {
            String message = String.valueOf(e.getMessage());
            return ParseResult.failed(message.lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    private static List<String> tables(Statement statement) {
        List<String> tables = new ArrayList<>();
        try {
            for (String name : new TablesNamesFinder<Void>().getTables(statement)) {
                tables.add(unquote(name));
            }
        } catch (UnsupportedOperationException e) {
            return List.of(); // TablesNamesFinder does not visit every DDL statement
        }
        return tables;
    }

    /** {@code Public."Users"} → {@code public.Users}, as the server reads it. */
    static String unquote(String qualified) {
        StringBuilder out = new StringBuilder();
        for (String part : qualified.split("\\.(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)) {
            if (out.length() > 0) {
                out.append('.');
            }
            boolean quoted = part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"");
            out.append(quoted ? part.substring(1, part.length() - 1).replace("\"\"", "\"")
                    : part.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    static StatementType typeOf(Statement statement) {
        String name = statement.getClass().getSimpleName();
        return switch (name) {
            case "Select", "PlainSelect", "SetOperationList", "ParenthesedSelect", "Values", "TableStatement",
                 "WithItem", "LateralSubSelect" -> StatementType.SELECT;
            case "Insert" -> StatementType.INSERT;
            case "Update" -> StatementType.UPDATE;
            case "Delete" -> StatementType.DELETE;
            case "Merge" -> StatementType.MERGE;
            case "Execute" -> StatementType.CALL;
            case "RollbackStatement", "SavepointStatement", "Commit" -> StatementType.TRANSACTION;
            default -> isDdl(name) ? StatementType.DDL : StatementType.OTHER;
        };
    }

    private static boolean isDdl(String name) {
        return name.startsWith("Create") || name.startsWith("Alter") || name.equals("Drop")
                || name.equals("Truncate") || name.equals("Comment") || name.equals("Grant");
    }
}
