package dev.pgtestkit.samples.keep;

/** The Notion Writer service (HTTP in the seed): creates or updates one page per note. */
public interface NotionWriter {

    /** Creates a page for {@code note} in the database and returns its id. */
    String createPage(String notionApiToken, String notionDatabaseId, KeepNote note);

    /** Rewrites an existing page with the note's current content. */
    void updatePage(String notionApiToken, String pageId, KeepNote note);
}
