package dev.pgtestkit.querylog.internal;

import dev.pgtestkit.querylog.CallSite;
import dev.pgtestkit.querylog.CallSiteCapture;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the application's frame on the stack: the first one whose class is not in the JDK, a JDBC driver, a pool,
 * an ORM or pgtestkit. A walk costs microseconds, so in {@link CallSiteCapture#SAMPLED} mode executions outside
 * scopes walk only for the first {@value #EXACT_EXECUTIONS} executions of a SQL string and then one in
 * {@value #SAMPLE_EVERY}, reusing the last answer in between. One in 8 (not fewer) so that a loop of 16 iterations or
 * more that starts after those first executions has two walks in it, and the executions between them count for its
 * line in N+1 detection ({@link NPlusOneDetector}).
 */
final class CallSites {

    static final int EXACT_EXECUTIONS = 64;
    static final int SAMPLE_EVERY = 8;

    /** Frames of these packages are never the application's. */
    static final List<String> DEFAULT_EXCLUSIONS = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "org.postgresql.", "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.",
            "com.mchange.", "org.hibernate.", "org.springframework.", "org.jdbi.", "org.jooq.", "org.apache.ibatis.",
            "org.mybatis.", "io.micronaut.data.", "io.r2dbc.", "net.ttddyy.dsproxy.", "com.p6spy.",
            "io.opentelemetry.", "kotlin.", "scala.", "dev.pgtestkit.querylog.internal.",
            "dev.pgtestkit.querylog.jdbi.", "dev.pgtestkit.core.", "dev.pgtestkit.junit.", "dev.pgtestkit.mock.",
            "dev.pgtestkit.sync.");

    /** Class references let a walk decide per class once; 32 frames in the first batch covers a typical JDBC stack. */
    private static final StackWalker WALKER = StackWalker.getInstance(
            Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE), 32);

    /** Default exclusions decided once per class: prefix tests on every frame were most of a walk's cost. */
    private static final ClassValue<Boolean> EXCLUDED_BY_DEFAULT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return startsWithAny(type.getName(), DEFAULT_EXCLUSIONS.toArray(String[]::new));
        }
    };

    private final CallSiteCapture mode;
    private final String[] extraExclusions;

    CallSites(CallSiteCapture mode, List<String> extraExclusions) {
        this.mode = mode;
        this.extraExclusions = extraExclusions.toArray(String[]::new);
    }

    /** Sets the event's call site as the mode asks; {@code inScope} forces a walk in sampled mode. */
    void capture(RecordedEvent event, SqlInfo info, boolean inScope) {
        switch (mode) {
            case OFF -> event.callSite = null;
            case ALWAYS -> event.callSite = walk();
            case SAMPLED -> sample(event, info, inScope);
        }
    }

    private void sample(RecordedEvent event, SqlInfo info, boolean inScope) {
        int executions = info.executions++;
        CallSite last = info.lastCallSite;
        boolean walk = inScope || last == null || executions < EXACT_EXECUTIONS
                || executions % SAMPLE_EVERY == 0;
        if (walk) {
            last = walk();
            info.lastCallSite = last;
        }
        event.callSite = last;
        event.callSiteInferred = !walk;
    }

    CallSite walk() {
        Optional<StackWalker.StackFrame> frame = WALKER.walk(frames -> frames
                .filter(f -> !isExcluded(f.getDeclaringClass()))
                .findFirst());
        return frame.map(f -> new CallSite(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber()))
                .orElse(null);
    }

    private boolean isExcluded(Class<?> type) {
        return EXCLUDED_BY_DEFAULT.get(type)
                || (extraExclusions.length > 0 && startsWithAny(type.getName(), extraExclusions));
    }

    private static boolean startsWithAny(String className, String[] prefixes) {
        for (String prefix : prefixes) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
