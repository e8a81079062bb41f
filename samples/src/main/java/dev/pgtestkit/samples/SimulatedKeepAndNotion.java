package dev.pgtestkit.samples;

import dev.pgtestkit.samples.keep.KeepExtractor;
import dev.pgtestkit.samples.keep.KeepNote;
import dev.pgtestkit.samples.keep.NotionWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The Keep Extractor and Notion Writer HTTP services, simulated for the demo: every account has {@code notes}
 * notes, and Notion refuses every {@code rejectEvery}-th one (the orchestrator must count it and go on).
 */
final class SimulatedKeepAndNotion implements KeepExtractor, NotionWriter {

    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final int notes;
    private final int rejectEvery;

    SimulatedKeepAndNotion(int notes, int rejectEvery) {
        this.notes = notes;
        this.rejectEvery = rejectEvery;
    }

    @Override
    public List<KeepNote> fetchNotes(String googleOauthToken) {
        return IntStream.rangeClosed(1, notes).mapToObj(i -> new KeepNote(googleOauthToken + "-note-" + i,
                "Note " + i, "Text of note " + i, EPOCH.plusSeconds(60L * i))).toList();
    }

    @Override
    public String createPage(String notionApiToken, String notionDatabaseId, KeepNote note) {
        check(note);
        return "page-" + UUID.nameUUIDFromBytes(note.id().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void updatePage(String notionApiToken, String pageId, KeepNote note) {
        check(note);
    }

    private void check(KeepNote note) {
        int index = Integer.parseInt(note.id().substring(note.id().lastIndexOf('-') + 1));
        if (index % rejectEvery == 0) {
            throw new IllegalStateException("Notion API 400: body.children[0] is too long");
        }
    }
}
