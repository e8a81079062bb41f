package dev.pgtestkit.querylog;

import dev.pgtestkit.querylog.internal.HtmlRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A self-contained HTML page (inline CSS, no scripts, nothing fetched) about a {@link QueryLog}: totals, N+1
 * findings, slow statements with their plans, every normalized statement with count, total, mean, p50/p95/p99, max
 * and rows, the tables, and failures. Immutable.
 *
 * <pre>{@code
 * HtmlReport.of(logger.log()).title("Order import").writeTo(Path.of("target/query-report.html"));
 * }</pre>
 */
public final class HtmlReport {

    private final QueryLog log;
    private final String title;

    private HtmlReport(QueryLog log, String title) {
        this.log = log;
        this.title = title;
    }

    /** A report of {@code log}, titled "Query report". */
    public static HtmlReport of(QueryLog log) {
        return new HtmlReport(Objects.requireNonNull(log, "log"), "Query report");
    }

    public HtmlReport title(String title) {
        return new HtmlReport(log, Objects.requireNonNull(title, "title"));
    }

    /** The page as a string. */
    public String render() {
        return HtmlRenderer.render(log, title);
    }

    /**
     * Writes the page to {@code file} (UTF-8), creating parent directories.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public Path writeTo(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the HTML report " + file.toAbsolutePath() + ": "
                    + e.getMessage() + ". Check that the directory is writable.", e);
        }
    }
}
