package dev.pgtestkit.samples.voicenote;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * VoiceNote's data layer (seed 002) in plain JDBC: users with admin permissions, notes and tasks with their enums
 * and JSON columns, soft deletes, pages of 20, and the visibility rule: a user sees their own live notes; an admin
 * holding {@code can_view_all_notes} sees everyone's. The seed's {@code is_admin} flag alone grants nothing.
 */
public final class VoiceNoteStore {

    /** The Flyway location of this application's migrations. */
    public static final String MIGRATIONS = "classpath:db/voicenote";

    private static final String NOTE_COLUMNS = "n.id, n.user_id, n.title, n.summary, n.\"timestamp\", n.priority,"
            + " n.status, n.is_pinned, ARRAY(SELECT json_array_elements_text(n.document_urls)) AS document_urls";
    private static final String TASK_COLUMNS = "t.id, t.note_id, t.description, t.is_done, t.deadline, t.priority,"
            + " ARRAY(SELECT a FROM jsonb_array_elements(t.assigned_entities) e,"
            + " CAST(CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' ELSE e ->> 'name' END AS text) a"
            + " WHERE a IS NOT NULL) AS assigned_to";

    private final DataSource dataSource;

    /** The store on a DataSource (a HikariCP pool in production). */
    public VoiceNoteStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ---- users and admins

    /** Registers a user (not an admin) created at {@code createdAt} (epoch ms). */
    public void createUser(String id, String name, String email, UserRole role, long createdAt) {
        update("INSERT INTO users (id, name, email, primary_role, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?::user_role, ?, ?)", id, name, email, role.name(), createdAt, createdAt);
    }

    /** The user, with the permissions set to true in {@code admin_permissions}. */
    public Optional<User> getUser(String id) {
        return query("SELECT id, name, email, primary_role, coalesce(is_admin, false) AS is_admin,"
                + " coalesce(is_deleted, false) AS is_deleted, ARRAY(SELECT key FROM"
                + " json_each_text(coalesce(admin_permissions, '{}')) WHERE value = 'true') AS granted"
                + " FROM users WHERE id = ?", VoiceNoteStore::user, id).stream().findFirst();
    }

    /**
     * Makes {@code userId} an admin with {@code permissions}, recording who granted them and when. The granter must
     * be a live admin holding {@code can_manage_admins}, or {@code "system"} (the seeding script's granter).
     */
    public void grantAdmin(String grantedBy, String userId, Set<AdminPermission> permissions, long now) {
        if (!"system".equals(grantedBy) && !getUser(grantedBy).map(u -> u.may(AdminPermission.CAN_MANAGE_ADMINS))
                .orElse(false)) {
            throw new SecurityException(grantedBy + " may not grant admin permissions (needs can_manage_admins)");
        }
        String flags = Arrays.stream(AdminPermission.values())
                .map(p -> "\"" + p.key() + "\": " + permissions.contains(p)).collect(Collectors.joining(", ", "{", "}"));
        int updated = update("UPDATE users SET is_admin = true, admin_created_at = coalesce(admin_created_at, ?),"
                + " admin_last_action = ?, updated_at = ?,"
                + " admin_permissions = (?::jsonb || jsonb_build_object('created_at', ?::bigint, 'granted_by', ?::text))::json"
                + " WHERE id = ?", now, now, now, flags, now, grantedBy, userId);
        if (updated == 0) {
            throw new IllegalArgumentException("No user " + userId);
        }
    }

    /** Revokes admin rights: the flag and every permission. */
    public void revokeAdmin(String userId, long now) {
        update("UPDATE users SET is_admin = false, admin_permissions = '{}', updated_at = ? WHERE id = ?", now, userId);
    }

    /** Soft-deletes a user: the row stays, flagged, with the time. */
    public void softDeleteUser(String userId, long now) {
        update("UPDATE users SET is_deleted = true, deleted_at = ? WHERE id = ?", now, userId);
    }

    // ---- notes and tasks

    /** Stores a new note. */
    public void createNote(Note note) {
        update("INSERT INTO notes (id, user_id, title, summary, \"timestamp\", updated_at, priority, status, is_pinned,"
                + " document_urls) VALUES (?, ?, ?, ?, ?, ?, ?::priority, ?::note_status, ?, to_json(?::text[]))",
                note.id(), note.userId(), note.title(), note.summary(), note.timestamp(), note.timestamp(),
                note.priority().name(), note.status().name(), note.pinned(), note.documentUrls().toArray(String[]::new));
    }

    /** Stores a new task; its assignees become {@code [{"name": ...}]} in {@code assigned_entities}. */
    public void addTask(Task task, long now) {
        update("INSERT INTO tasks (id, note_id, description, is_done, deadline, priority, created_at, updated_at,"
                + " assigned_entities) VALUES (?, ?, ?, ?, ?, ?::priority, ?, ?,"
                + " (SELECT coalesce(jsonb_agg(jsonb_build_object('name', a)), '[]') FROM unnest(?::text[]) a))",
                task.id(), task.noteId(), task.description(), task.done(), task.deadline(), task.priority().name(),
                now, now, task.assignedTo().toArray(String[]::new));
    }

    /** One page (from 1) of the notes {@code viewerId} may see, newest first; empty for an unknown viewer. */
    public Page<Note> listNotes(String viewerId, int page) {
        Optional<User> viewer = getUser(viewerId);
        if (viewer.isEmpty() || viewer.get().deleted()) {
            return new Page<>(List.of(), page, 0);
        }
        Visibility visible = Visibility.of(viewer.get());
        long total = query("SELECT count(*) FROM notes n WHERE " + visible.condition,
                rs -> rs.getLong(1), visible.params()).get(0);
        List<Note> notes = query("SELECT " + NOTE_COLUMNS + " FROM notes n WHERE " + visible.condition
                + " ORDER BY n.\"timestamp\" DESC, n.id LIMIT " + Page.SIZE + " OFFSET ?",
                VoiceNoteStore::note, visible.params((long) (page - 1) * Page.SIZE));
        return new Page<>(notes, page, total);
    }

    /** A note, if {@code viewerId} may see it (someone else's note is as absent as a missing one). */
    public Optional<Note> getNote(String viewerId, String noteId) {
        Optional<User> viewer = getUser(viewerId);
        if (viewer.isEmpty() || viewer.get().deleted()) {
            return Optional.empty();
        }
        Visibility visible = Visibility.of(viewer.get());
        return query("SELECT " + NOTE_COLUMNS + " FROM notes n WHERE n.id = ? AND " + visible.condition,
                VoiceNoteStore::note, prepend(noteId, visible.params())).stream().findFirst();
    }

    /**
     * Soft-deletes a note and its tasks, by its owner or an admin holding {@code can_delete_notes}; false when the
     * viewer may not (or it is gone).
     */
    public boolean softDeleteNote(String viewerId, String noteId, long now) {
        boolean anyone = getUser(viewerId).map(u -> u.may(AdminPermission.CAN_DELETE_NOTES)).orElse(false);
        return inTransaction(connection -> {
            int notes = update(connection, "UPDATE notes SET is_deleted = true, deleted_at = ?, updated_at = ?"
                    + " WHERE id = ? AND is_deleted = false AND (? OR user_id = ?)", now, now, noteId, anyone, viewerId);
            update(connection, "UPDATE tasks SET is_deleted = true, deleted_at = ? WHERE note_id = ? AND ?",
                    now, noteId, notes > 0);
            return notes > 0;
        });
    }

    /** A page of notes with their live tasks: four queries, however many notes the page holds. */
    public Page<NoteWithTasks> notesWithTasks(String viewerId, int page) {
        Page<Note> notes = listNotes(viewerId, page);
        String[] ids = notes.items().stream().map(Note::id).toArray(String[]::new);
        Map<String, List<Task>> tasks = new LinkedHashMap<>();
        for (Task task : query("SELECT " + TASK_COLUMNS + " FROM tasks t WHERE t.note_id = ANY (?::varchar[])"
                + " AND t.is_deleted = false ORDER BY t.note_id, t.id", VoiceNoteStore::task, (Object) ids)) {
            tasks.computeIfAbsent(task.noteId(), id -> new ArrayList<>()).add(task);
        }
        return new Page<>(notes.items().stream()
                .map(n -> new NoteWithTasks(n, tasks.getOrDefault(n.id(), List.of()))).toList(), page, notes.total());
    }

    /** The same page as first written: the tasks of each note in a query of their own (an N+1). */
    public Page<NoteWithTasks> notesWithTasksOneQueryPerNote(String viewerId, int page) {
        Page<Note> notes = listNotes(viewerId, page);
        return new Page<>(notes.items().stream().map(n -> new NoteWithTasks(n, query("SELECT " + TASK_COLUMNS
                + " FROM tasks t WHERE t.note_id = ? AND t.is_deleted = false ORDER BY t.note_id, t.id",
                VoiceNoteStore::task, n.id()))).toList(), page, notes.total());
    }

    /**
     * Open tasks assigned to a person, earliest deadline first: JSONB containment on {@code assigned_entities}, whose
     * entries are {@code {"name": ...}} objects or (older clients) plain strings.
     */
    public List<Task> openTasksAssignedTo(String name) {
        return query("SELECT " + TASK_COLUMNS + " FROM tasks t WHERE (t.assigned_entities @>"
                + " jsonb_build_array(jsonb_build_object('name', ?::text)) OR t.assigned_entities @>"
                + " jsonb_build_array(to_jsonb(?::text))) AND NOT t.is_done AND NOT t.is_deleted"
                + " ORDER BY t.deadline NULLS LAST, t.id", VoiceNoteStore::task, name, name);
    }

    // ---- embeddings (only where the server has pgvector)

    /** Whether the migrations added {@code notes.embedding} (they do where pgvector is installable). */
    public boolean hasEmbeddings() {
        return !query("SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = 'notes' AND column_name = 'embedding'", rs -> 1).isEmpty();
    }

    /** Stores a note's embedding (1536 floats). */
    public void setEmbedding(String noteId, float[] embedding) {
        update("UPDATE notes SET embedding = ?::vector WHERE id = ?", vector(embedding), noteId);
    }

    /** The {@code limit} notes visible to the viewer closest to {@code embedding} by cosine distance. */
    public List<Note> similarNotes(String viewerId, float[] embedding, int limit) {
        User viewer = getUser(viewerId).filter(u -> !u.deleted()).orElse(null);
        if (viewer == null) {
            return List.of();
        }
        Visibility visible = Visibility.of(viewer);
        return query("SELECT " + NOTE_COLUMNS + " FROM notes n WHERE n.embedding IS NOT NULL AND " + visible.condition
                + " ORDER BY n.embedding <=> ?::vector LIMIT " + limit, VoiceNoteStore::note,
                visible.params(vector(embedding)));
    }

    // ---- the visibility rule, in one place

    private record Visibility(String condition, List<Object> baseParams) {

        static Visibility of(User viewer) {
            return viewer.may(AdminPermission.CAN_VIEW_ALL_NOTES)
                    ? new Visibility("n.is_deleted = false", List.of())
                    : new Visibility("n.is_deleted = false AND n.user_id = ?", List.of(viewer.id()));
        }

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(baseParams);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }
    }

    // ---- JDBC plumbing

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("VoiceNote query failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        return inTransaction(connection -> update(connection, sql, params));
    }

    private static int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("VoiceNote update failed: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof String[] strings) {
                Array array = connection.createArrayOf("text", strings);
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String vector(float[] values) {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append(']').toString();
    }

    private static User user(ResultSet rs) throws SQLException {
        Set<AdminPermission> granted = EnumSet.noneOf(AdminPermission.class);
        for (String key : (String[]) rs.getArray("granted").getArray()) {
            Arrays.stream(AdminPermission.values()).filter(p -> p.key().equals(key)).forEach(granted::add);
        }
        String role = rs.getString("primary_role");
        return new User(rs.getString("id"), rs.getString("name"), rs.getString("email"),
                role == null ? null : UserRole.valueOf(role), rs.getBoolean("is_admin"), granted,
                rs.getBoolean("is_deleted"));
    }

    private static Note note(ResultSet rs) throws SQLException {
        return new Note(rs.getString("id"), rs.getString("user_id"), rs.getString("title"), rs.getString("summary"),
                rs.getLong("timestamp"), enumOf(Priority.class, rs.getString("priority")),
                enumOf(NoteStatus.class, rs.getString("status")), rs.getBoolean("is_pinned"),
                List.of((String[]) rs.getArray("document_urls").getArray()));
    }

    private static Task task(ResultSet rs) throws SQLException {
        long deadline = rs.getLong("deadline");
        return new Task(rs.getString("id"), rs.getString("note_id"), rs.getString("description"),
                rs.getBoolean("is_done"), rs.wasNull() ? null : deadline, enumOf(Priority.class, rs.getString("priority")),
                List.of((String[]) rs.getArray("assigned_to").getArray()));
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
