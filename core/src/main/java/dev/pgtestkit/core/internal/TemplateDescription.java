package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import dev.pgtestkit.core.TemplateContext;
import dev.pgtestkit.core.TemplateSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a template's sources told about themselves: their checksums and build steps, in order. */
public final class TemplateDescription implements TemplateContext {

    private final PostgresServer server;
    private final List<TemplateSource> sources;
    private final List<String> checksums = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private TemplateSource describing;

    private TemplateDescription(PostgresServer server, List<TemplateSource> sources) {
        this.server = server;
        this.sources = List.copyOf(sources);
    }

    /** Asks every source to describe itself, in order. */
    public static TemplateDescription of(PostgresServer server, List<TemplateSource> sources) {
        TemplateDescription description = new TemplateDescription(server, sources);
        for (TemplateSource source : description.sources) {
            description.describing = source;
            source.describe(description);
        }
        description.describing = null;
        return description;
    }

    @Override
    public PostgresServer server() {
        return server;
    }

    @Override
    public void checksum(String checksum) {
        if (checksum == null || checksum.isEmpty()) {
            throw new IllegalArgumentException("Template source " + describing + " gave an empty checksum");
        }
        checksums.add(checksum);
    }

    @Override
    public void onBuild(Build build) {
        steps.add(new Step(describing, Objects.requireNonNull(build, "build")));
    }

    /** The sources' checksums in order, joined: what names the template (with the server version). */
    public String checksum() {
        return String.join("|", checksums);
    }

    List<Step> steps() {
        return steps;
    }

    @Override
    public String toString() {
        return sources.isEmpty() ? "an empty database" : sources.toString();
    }

    /** One build step and the source it came from, for messages. */
    record Step(TemplateSource source, Build build) {
    }
}
