package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.MigrationException;
import dev.pgtestkit.core.sql.SqlLexer;
import dev.pgtestkit.core.sql.Token;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a SQL script statement by statement, reading it line by line, so an error names the file's line and the
 * statement. {@code COPY ... FROM stdin;} blocks (pg_dump's plain format) are streamed through PgJDBC's copy API up
 * to their {@code \.} line. Statements are split at top-level semicolons by the SQL lexer (strings, dollar quotes
 * and comments respected; a {@code BEGIN ATOMIC} body ends at its {@code END}). psql's {@code restrict} and
 * {@code unrestrict} meta-commands (pg_dump 17.6 and later) are skipped; any other psql meta-command is an error.
 */
final class ScriptRunner {

    private static final Pattern COPY_LINE = Pattern.compile("\\bline (\\d+)");
    private static final int COPY_BATCH = 64 * 1024;

    private final Connection connection;
    private final Path script;
    private final String database;
    private final StringBuilder pending = new StringBuilder();
    private int pendingStartLine = 1;
    private int lineNo;

    private ScriptRunner(Connection connection, Path script, String database) {
        this.connection = connection;
        this.script = script;
        this.database = database;
    }

    /**
     * Runs the script on the connection, in the caller's transaction.
     *
     * @param database the database's name, for messages
     * @throws MigrationException naming the file, the line and the statement that failed
     */
    static void run(Connection connection, Path script, String database) {
        new ScriptRunner(connection, script, database).runAll();
    }

    private void runAll() {
        try (BufferedReader in = Files.newBufferedReader(script, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.startsWith("\\") && !hasTokens(pending)) {
                    metaCommand(line);
                    continue;
                }
                if (pending.length() == 0) {
                    pendingStartLine = lineNo;
                }
                pending.append(line).append('\n');
                if (line.indexOf(';') >= 0) {
                    runCompleteStatements(in);
                }
            }
            if (hasTokens(pending)) {
                execute(pending.toString(), pendingStartLine);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SQL script " + script + ": " + e.getMessage(), e);
        }
    }

    private void metaCommand(String line) {
        String command = line.split("\\s+", 2)[0];
        if (!command.equals("\\restrict") && !command.equals("\\unrestrict")) {
            throw new MigrationException(location(lineNo) + ": psql meta-command " + command + " is not SQL. Remove"
                    + " it from the script (pgtestkit runs scripts over JDBC, not with psql).", null);
        }
        pending.setLength(0);
    }

    /** Runs every statement {@link #pending} completes; the text after the last one stays pending. */
    private void runCompleteStatements(BufferedReader in) throws IOException {
        String text = pending.toString();
        int consumed = 0;
        int depth = 0;
        boolean atomic = false;
        Token previous = null;
        for (Token t : SqlLexer.tokenize(text, false)) {
            if (t.isWord("atomic") && previous != null && previous.isWord("begin")) {
                atomic = true;
                depth = 1;
            } else if (atomic && (t.isWord("begin") || t.isWord("case"))) {
                depth++;
            } else if (atomic && t.isWord("end")) {
                depth--;
            } else if (t.isPunct(";") && depth <= 0) {
                String statement = text.substring(consumed, t.end());
                int startLine = pendingStartLine + newlines(text, 0, firstTokenStart(text, consumed));
                consumed = t.end();
                atomic = false;
                if (isCopyFromStdin(statement)) {
                    copy(statement.trim(), startLine, in);
                    pending.setLength(0);
                    return;
                }
                execute(statement.trim(), startLine);
            }
            previous = t;
        }
        pendingStartLine += newlines(text, 0, consumed);
        pending.delete(0, consumed);
        if (!hasTokens(pending)) {
            pending.setLength(0);
        }
    }

    private void execute(String statement, int startLine) {
        try (Statement st = connection.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            int line = startLine + positionLine(statement, e);
            throw new MigrationException(location(line) + ": " + firstLine(e.getMessage()) + "\n  in the statement"
                    + " starting at line " + startLine + ": " + abbreviate(statement), e);
        }
    }

    /** Streams the data lines after a {@code COPY ... FROM stdin;} statement up to its {@code \.} line. */
    private void copy(String statement, int startLine, BufferedReader in) throws IOException {
        int dataStart = lineNo + 1;
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(statement);
            try {
                StringBuilder batch = new StringBuilder(COPY_BATCH + 1024);
                String line = in.readLine();
                for (; line != null && !line.equals("\\."); line = in.readLine()) {
                    lineNo++;
                    batch.append(line).append('\n');
                    if (batch.length() >= COPY_BATCH) {
                        write(copy, batch);
                    }
                }
                if (line == null) {
                    throw new MigrationException(location(startLine) + ": the data of " + abbreviate(statement)
                            + " has no terminating \\. line before the end of the file.", null);
                }
                lineNo++;
                write(copy, batch);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            int line = copyErrorLine(e, dataStart, startLine);
            throw new MigrationException(location(line) + ": " + firstLine(e.getMessage()) + "\n  in the data of the"
                    + " statement at line " + startLine + ": " + abbreviate(statement), e);
        }
    }

    private static void write(CopyIn copy, StringBuilder batch) throws SQLException {
        byte[] bytes = batch.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        batch.setLength(0);
    }

    /** The file line of a COPY data error: the server's CONTEXT says {@code COPY t, line N}. */
    private static int copyErrorLine(SQLException e, int dataStart, int statementLine) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        Matcher m = COPY_LINE.matcher(server == null || server.getWhere() == null ? "" : server.getWhere());
        return m.find() ? dataStart + Integer.parseInt(m.group(1)) - 1 : statementLine;
    }

    /** Lines into the statement where the server located the error (0 when it gave no position). */
    private static int positionLine(String statement, SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int position = server == null ? 0 : server.getPosition();
        return position <= 0 ? 0 : newlines(statement, 0, Math.min(position - 1, statement.length()));
    }

    private static boolean isCopyFromStdin(String statement) {
        List<Token> t = SqlLexer.tokenize(statement, false);
        if (t.isEmpty() || !t.get(0).isWord("copy")) {
            return false;
        }
        for (int i = 1; i + 1 < t.size(); i++) {
            if (t.get(i).isWord("from") && t.get(i + 1).isWord("stdin")) {
                return true;
            }
        }
        return false;
    }

    private String location(int line) {
        return "SQL script " + script + ", line " + line + " (database '" + database + "')";
    }

    private static boolean hasTokens(CharSequence text) {
        return SqlLexer.of(text.toString(), false).next() != null;
    }

    private static int firstTokenStart(String text, int from) {
        Token first = SqlLexer.of(text.substring(from), false).next();
        return first == null ? text.length() : from + first.start();
    }

    private static int newlines(CharSequence text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String firstLine(String message) {
        int nl = message == null ? -1 : message.indexOf('\n');
        return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
    }

    private static String abbreviate(String statement) {
        String flat = statement.replaceAll("\\s+", " ").trim();
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }
}
