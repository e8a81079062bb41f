package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.CallSite;
import dev.pgtestkit.querylog.QueryEvent;
import dev.pgtestkit.querylog.QueryPlan;
import dev.pgtestkit.querylog.StatementType;
import dev.pgtestkit.querylog.internal.ParameterBuffer.NamedValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The logger's {@link QueryEvent}: filled in by the statement wrapper on the executing thread, then published
 * (which makes it visible to other threads through the scope lists, the history ring and the listeners). Only
 * {@link #plan} and {@link #reportedWhileRunning} change afterwards, hence volatile.
 */
public final class RecordedEvent implements QueryEvent {

    private static final int MAX_SHOWN_CHARS = 1_000;
    private static final java.util.regex.Pattern QUOTED_VALUE = java.util.regex.Pattern.compile("\"[^\"]*\"");

    final Recorder recorder;
    final SqlInfo info;
    final long startNanos;
    final Object[][] parameterSets;
    final int batchSize;
    final String statementName;
    long id;
    long durationNanos;
    long rows = -1;
    final String threadName;
    CallSite callSite;
    boolean callSiteInferred;
    String sqlState;
    String errorMessage;
    boolean failed;
    boolean slow;
    volatile boolean reportedWhileRunning;
    volatile CompletableFuture<QueryPlan> plan;
    private volatile List<List<Object>> shownParameters;
    private volatile String shownErrorMessage;

    RecordedEvent(Recorder recorder, SqlInfo info, Object[][] parameterSets, int batchSize, String statementName) {
        this.recorder = recorder;
        this.info = info;
        this.parameterSets = parameterSets;
        this.batchSize = batchSize;
        this.statementName = statementName;
        this.threadName = Thread.currentThread().getName();
        this.startNanos = System.nanoTime();
    }

    /** Whether values were bound but not captured (parameter capture off). */
    boolean parametersUnknown() {
        return !recorder.config().captureParameters() && info.placeholders > 0;
    }

    /** The first parameter set as bound (secrets included), for EXPLAIN with bound values. */
    Object[] boundValues() {
        return parameterSets.length == 0 ? ParameterBuffer.NONE : parameterSets[0];
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public Instant startedAt() {
        return recorder.toInstant(startNanos);
    }

    @Override
    public String sql() {
        return info.displaySql;
    }

    @Override
    public String normalizedSql() {
        return info.normalized;
    }

    @Override
    public StatementType type() {
        return info.type();
    }

    @Override
    public List<StatementType> statementTypes() {
        return info.multiStatement ? info.statementTypes : List.of(type());
    }

    @Override
    public List<String> tables() {
        return info.tables();
    }

    @Override
    public List<List<Object>> parameters() {
        List<List<Object>> shown = shownParameters;
        if (shown == null) {
            shown = redactedParameters();
            shownParameters = shown;
        }
        return shown;
    }

    private List<List<Object>> redactedParameters() {
        List<List<Object>> sets = new ArrayList<>(parameterSets.length);
        for (Object[] set : parameterSets) {
            List<Object> shown = new ArrayList<>(set.length);
            for (int i = 0; i < set.length; i++) {
                shown.add(shown(i + 1, set[i]));
            }
            sets.add(Collections.unmodifiableList(shown));
        }
        return Collections.unmodifiableList(sets);
    }

    private Object shown(int index, Object value) {
        if (value instanceof NamedValue named) {
            boolean secret = recorder.config().redaction().isSecret(named.name());
            return new NamedValue(named.name(), secret ? REDACTED : shown(0, named.value()));
        }
        if (info.isSecretParameter(index)) {
            return REDACTED;
        }
        if (value instanceof byte[] bytes) {
            return "<" + bytes.length + " bytes>";
        }
        if (value instanceof String text && text.length() > MAX_SHOWN_CHARS) {
            return text.substring(0, MAX_SHOWN_CHARS) + "...(" + text.length() + " chars)";
        }
        return value;
    }

    @Override
    public long durationNanos() {
        return durationNanos;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public String threadName() {
        return threadName;
    }

    @Override
    public Optional<CallSite> callSite() {
        return Optional.ofNullable(callSite);
    }

    @Override
    public boolean callSiteInferred() {
        return callSiteInferred;
    }

    @Override
    public boolean succeeded() {
        return !failed;
    }

    @Override
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    @Override
    public Optional<String> errorMessage() {
        String message = errorMessage;
        if (message == null) {
            return Optional.empty();
        }
        String shown = shownErrorMessage;
        if (shown == null) {
            shown = redactedMessage(message);
            shownErrorMessage = shown;
        }
        return Optional.of(shown);
    }

    /**
     * The server's message may quote a value ({@code invalid input syntax for type uuid: "…"}): secret values of this
     * execution become {@value #REDACTED}; when they were not captured, quoted values are masked.
     */
    private String redactedMessage(String message) {
        List<String> secrets = new ArrayList<>(info.secretConstants);
        for (Object[] set : parameterSets) {
            for (int i = 0; i < set.length; i++) {
                Object value = set[i];
                boolean secret = value instanceof NamedValue named
                        ? recorder.config().redaction().isSecret(named.name()) : info.isSecretParameter(i + 1);
                Object raw = value instanceof NamedValue named ? named.value() : value;
                if (secret && raw != null && !raw.toString().isEmpty()) {
                    secrets.add(raw.toString());
                }
            }
        }
        String shown = message;
        for (String secret : secrets) {
            shown = shown.replace(secret, REDACTED);
        }
        boolean uncaptured = parameterSets.length == 0 && info.hasSecretParameters();
        return uncaptured ? QUOTED_VALUE.matcher(shown).replaceAll("\"" + REDACTED + "\"") : shown;
    }

    @Override
    public boolean slow() {
        return slow;
    }

    @Override
    public boolean reportedWhileRunning() {
        return reportedWhileRunning;
    }

    @Override
    public Optional<QueryPlan> plan() {
        CompletableFuture<QueryPlan> future = plan;
        return future == null ? Optional.empty() : Optional.ofNullable(future.getNow(null));
    }

    @Override
    public Optional<QueryPlan> awaitPlan(Duration timeout) {
        CompletableFuture<QueryPlan> future = plan;
        if (future == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(future.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> statementName() {
        return Optional.ofNullable(statementName);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "QueryEvent#%d[%.3f ms, rows=%d, %s]", id, durationNanos / 1e6,
                rows, info.displaySql);
    }
}
