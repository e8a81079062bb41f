package dev.pgtestkit.core;

/** What a {@link TemplateSource} describes itself to; implemented by pgtestkit. */
public interface TemplateContext {

    /** The server the template is built on (for {@link PostgresServer#versionNum()}, URLs, DataSources). */
    PostgresServer server();

    /**
     * Adds to the template's identity: a checksum (any string, non-empty) of everything this source puts into the
     * template. Sources that add none share the template of an empty database.
     */
    void checksum(String checksum);

    /** Registers how this source fills a new template database; steps run in the order registered. */
    void onBuild(Build build);

    /** Fills the template database being built; anything it throws fails the build, naming the source. */
    @FunctionalInterface
    interface Build {
        void into(String database) throws Exception;
    }
}
