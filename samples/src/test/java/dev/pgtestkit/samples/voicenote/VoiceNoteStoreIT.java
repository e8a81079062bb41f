package dev.pgtestkit.samples.voicenote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.Fixture;
import dev.pgtestkit.junit.MockData;
import dev.pgtestkit.junit.PgTest;
import dev.pgtestkit.junit.WithTransaction;
import dev.pgtestkit.querylog.QueryLog;
import dev.pgtestkit.querylog.QueryLogAssert;
import dev.pgtestkit.querylog.QueryLogger;
import dev.pgtestkit.querylog.QueryScope;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * VoiceNote's data layer on real PostgreSQL (its enums, JSON and JSONB columns, partial indexes): the people of
 * {@code voicenote-people.yaml} are loaded once for the class; each test's writes are rolled back.
 */
@PgTest(migrations = VoiceNoteStore.MIGRATIONS)
@WithTransaction
@Fixture("voicenote-people.yaml")
class VoiceNoteStoreIT {

    private static final long NOW = 1_706_000_000_000L;
    private VoiceNoteStore store;

    @BeforeEach
    void store(DataSource dataSource) {
        store = new VoiceNoteStore(dataSource);
    }

    /** The seed's pitfall: "admin: can view ALL notes; user: only own notes" — and nothing in between leaks. */
    @Test
    void usersSeeTheirOwnNotesAndOnlyAdminsWithThePermissionSeeEveryones() {
        assertThat(titles("user_001")).containsExactly("Call the landlord", "Groceries");
        assertThat(titles("user_002")).containsExactly("Thesis outline");
        assertThat(titles("admin_001")).containsExactly("Moderation queue", "Thesis outline", "Call the landlord",
                "Groceries", "Admin Note 1");
        // is_admin without can_view_all_notes is an ordinary user for reading notes
        assertThat(titles("moderator_001")).containsExactly("Moderation queue");
        assertThat(store.listNotes("admin_001", 1).total()).isEqualTo(5);
        assertThat(store.listNotes("user_001", 1).total()).isEqualTo(2);
    }

    @Test
    void anotherUsersNoteIsAsAbsentAsAMissingOne() {
        assertThat(store.getNote("user_002", "n_user1_1")).isEmpty();
        assertThat(store.getNote("user_002", "no_such_note")).isEmpty();
        assertThat(store.getNote("user_001", "n_user1_1")).get().extracting(Note::documentUrls)
                .isEqualTo(List.of("https://example.com/list.pdf"));
        assertThat(store.getNote("admin_001", "n_user1_1")).isPresent();
        assertThat(store.getNote("moderator_001", "n_user1_1")).isEmpty();
    }

    @Test
    void revokedAndSoftDeletedAdminsLoseTheWiderView() {
        store.revokeAdmin("admin_001", NOW);
        assertThat(titles("admin_001")).containsExactly("Admin Note 1");

        store.grantAdmin("system", "admin_001", EnumSet.of(AdminPermission.CAN_VIEW_ALL_NOTES), NOW);
        assertThat(titles("admin_001")).hasSize(5);
        store.softDeleteUser("admin_001", NOW);
        assertThat(store.listNotes("admin_001", 1).items()).isEmpty();
        assertThat(store.getNote("admin_001", "n_user2_1")).isEmpty();
    }

    @Test
    void softDeletedNotesAndTheirTasksDisappearForEveryoneButStayInTheTable(Rows rows) {
        assertThat(store.softDeleteNote("user_002", "n_user1_2", NOW)).isFalse(); // not theirs
        assertThat(store.softDeleteNote("user_001", "n_user1_2", NOW)).isTrue();
        assertThat(store.softDeleteNote("user_001", "n_user1_2", NOW)).isFalse(); // already gone

        assertThat(titles("user_001")).containsExactly("Groceries");
        assertThat(titles("admin_001")).doesNotContain("Call the landlord");
        assertThat(store.openTasksAssignedTo("Ada")).isEmpty();
        assertThat(rows.getBy("notes", "id", "n_user1_2").orElseThrow())
                .containsEntry("is_deleted", true).containsEntry("deleted_at", NOW);
        assertThat(rows.count("tasks", Map.of("noteId", "n_user1_2", "isDeleted", true))).isEqualTo(2);
    }

    @Test
    void onlyAdminsWhoMayDeleteNotesDeleteOthersNotes() {
        assertThat(store.softDeleteNote("moderator_001", "n_user2_1", NOW)).isFalse();
        assertThat(store.softDeleteNote("admin_001", "n_user2_1", NOW)).isTrue();
        assertThat(titles("user_002")).isEmpty();
    }

    @Test
    void adminPermissionsAreGrantedOnlyByAdminsWhoManageAdminsAndRecordTheGranter(Rows rows) {
        assertThatThrownBy(() -> store.grantAdmin("moderator_001", "user_001",
                EnumSet.of(AdminPermission.CAN_VIEW_ALL_NOTES), NOW))
                .isInstanceOf(SecurityException.class).hasMessageContaining("needs can_manage_admins");

        store.grantAdmin("admin_001", "user_001", EnumSet.of(AdminPermission.CAN_VIEW_ANALYTICS), NOW);

        User user = store.getUser("user_001").orElseThrow();
        assertThat(user.admin()).isTrue();
        assertThat(user.permissions()).containsExactly(AdminPermission.CAN_VIEW_ANALYTICS);
        assertThat(rows.query("SELECT admin_permissions ->> 'granted_by' AS granter,"
                + " (admin_permissions ->> 'can_view_all_notes')::boolean AS all_notes FROM users WHERE id = ?",
                "user_001")).singleElement().satisfies(row -> assertThat(row)
                        .containsEntry("granter", "admin_001").containsEntry("all_notes", false));
    }

    @Test
    void tasksAreFoundByAssigneeInTheirJsonbArrayWhateverTheEntryShape() {
        store.addTask(new Task("t_4", "n_user2_1", "Book the room", false, NOW + 86_400_000, Priority.HIGH,
                List.of("Grace", "Linus")), NOW);

        assertThat(store.openTasksAssignedTo("Grace")).extracting(Task::id).containsExactly("t_4", "t_3");
        assertThat(store.openTasksAssignedTo("Ada")).extracting(Task::id).containsExactly("t_1"); // t_2 is done
        assertThat(store.openTasksAssignedTo("Linus")).singleElement().extracting(Task::assignedTo)
                .isEqualTo(List.of("Grace", "Linus"));
    }

    @Test
    void listingsComeTwentyPerPageNewestFirst() {
        IntStream.rangeClosed(1, 43).forEach(i -> store.createNote(
                Note.of("bulk_" + i, "user_002", "Voice memo " + i, NOW + i)));

        Page<Note> first = store.listNotes("user_002", 1);
        Page<Note> third = store.listNotes("user_002", 3);

        assertThat(first.total()).isEqualTo(44);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.items()).hasSize(Page.SIZE).first().extracting(Note::title).isEqualTo("Voice memo 43");
        assertThat(third.items()).extracting(Note::title).containsExactly("Voice memo 3", "Voice memo 2",
                "Voice memo 1", "Thesis outline");
        assertThat(store.listNotes("user_002", 4).items()).isEmpty();
    }

    /** The notes screen with tasks: the query count must not grow with the page. */
    @Test
    @MockData(table = "notes", rows = 15, seed = 3, children = @MockData.Child(table = "tasks", count = 1, max = 4),
              columns = {@MockData.Column(name = "userId", value = "admin_001"),
                         @MockData.Column(name = "isDeleted", value = "false")})
    void theNotesScreenLoadsAPageOfNotesAndTheirTasksInFourQueries(QueryLogger queries) {
        QueryLog perNote = logOf(queries, () -> store.notesWithTasksOneQueryPerNote("admin_001", 1));
        QueryLog fixed = logOf(queries, () -> store.notesWithTasks("admin_001", 1));

        assertThatThrownBy(() -> QueryLogAssert.assertThat(perNote).hasNoNPlusOne())
                .isInstanceOf(AssertionError.class).hasMessageContaining("FROM tasks t WHERE t.note_id = ?");
        QueryLogAssert.assertThat(fixed).hasNoNPlusOne().hasSelectCount(4);
        assertThat(store.notesWithTasks("admin_001", 1)).isEqualTo(store.notesWithTasksOneQueryPerNote("admin_001", 1));
        assertThat(store.notesWithTasks("admin_001", 1).items()).hasSize(Page.SIZE)
                .anySatisfy(line -> assertThat(line.tasks()).isNotEmpty());
    }

    @Test
    void similarNotesByEmbeddingWhereTheServerHasPgvector() {
        Assumptions.assumeTrue(store.hasEmbeddings(), "this server has no pgvector extension, so the migrations"
                + " left notes.embedding out (V3__note_embeddings.sql); install pgvector to run this test");
        store.setEmbedding("n_user1_1", unit(0));
        store.setEmbedding("n_user1_2", unit(1));
        store.setEmbedding("n_user2_1", unit(0));

        assertThat(store.similarNotes("user_001", unit(0), 5)).extracting(Note::id)
                .containsExactly("n_user1_1", "n_user1_2"); // n_user2_1 is as close, but not theirs
    }

    private List<String> titles(String viewer) {
        return store.listNotes(viewer, 1).items().stream().map(Note::title).toList();
    }

    private static float[] unit(int axis) {
        float[] vector = new float[1536];
        vector[axis] = 1;
        return vector;
    }

    private static QueryLog logOf(QueryLogger queries, Supplier<?> work) {
        try (QueryScope scope = queries.startScope("notes screen")) {
            work.get();
            return scope.log();
        }
    }
}
