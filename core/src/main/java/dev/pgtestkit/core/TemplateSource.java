package dev.pgtestkit.core;

/**
 * What a template database is built from: Flyway migrations, plain SQL scripts, a db-sync dump... The extension point
 * behind {@link DatabaseTemplate.Builder#source(TemplateSource)}: one method that tells the context what identifies
 * the content (its checksum names the template, so any change gives a new one) and how to put it into a new
 * template database (run only when no template of that name exists yet on the server).
 *
 * <pre>{@code
 * TemplateSource dump = context -> {
 *     context.checksum(manifest.sha256());                      // same dump, same template
 *     context.onBuild(database -> restorer.restore(dumpDirectory, context.server(), database));
 * };
 * DatabaseTemplate.builder(server).source(dump).build();
 * }</pre>
 *
 * <p>{@link #describe} is called on every {@code build()}, so it should be cheap (read checksums, not data); the
 * build step runs once per server, under an advisory lock shared by every JVM using that server.
 */
@FunctionalInterface
public interface TemplateSource {

    /** Tells {@code context} this source's checksum and how to apply it. */
    void describe(TemplateContext context);
}
