package dev.pgtestkit.samples.keep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Keep Extractor and Notion Writer HTTP services, in memory: they are not the database (which is real in every
 * test), and a test needs to make them fail on purpose.
 */
final class FakeServices implements KeepExtractor, NotionWriter {

    final List<KeepNote> notes = new ArrayList<>();
    final Map<String, KeepNote> pages = new LinkedHashMap<>();
    final List<String> updatedPages = new ArrayList<>();
    Set<String> notionRejects = Set.of();
    RuntimeException extractorFailure;
    Consumer<KeepNote> beforeEachWrite = note -> { };

    @Override
    public List<KeepNote> fetchNotes(String googleOauthToken) {
        if (extractorFailure != null) {
            throw extractorFailure;
        }
        return List.copyOf(notes);
    }

    @Override
    public String createPage(String notionApiToken, String notionDatabaseId, KeepNote note) {
        write(note);
        String pageId = "page-" + note.id();
        pages.put(pageId, note);
        return pageId;
    }

    @Override
    public void updatePage(String notionApiToken, String pageId, KeepNote note) {
        write(note);
        pages.put(pageId, note);
        updatedPages.add(pageId);
    }

    private void write(KeepNote note) {
        beforeEachWrite.accept(note);
        if (notionRejects.contains(note.id())) {
            throw new IllegalStateException("Notion API 400: validation_error on " + note.id());
        }
    }
}
