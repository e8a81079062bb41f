package dev.pgtestkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pgtestkit.core.ColumnMatchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchColumnTest {

    private final Table users = tableWith("users", "id", "name", "email", "created_at", "user_id");

    @Test
    void findsTheColumnTheSeedsExampleMeant() {
        assertThat(users.matchColumn("userId").name()).isEqualTo("user_id");
        assertThat(users.matchColumn("createdAt").name()).isEqualTo("created_at");
        assertThat(users.matchColumn("EMAIL").name()).isEqualTo("email");
    }

    @Test
    void aMissListsTheColumnsAndSuggestsTheClosest() {
        ColumnMatchException e = catchThrowableOfType(() -> users.matchColumn("usrId"), ColumnMatchException.class);

        assertThat(e).hasMessage("Column 'usrId' not found in table 'users'. Available columns: id, name, email,"
                + " created_at, user_id. Did you mean: user_id?");
        assertThat(e.column()).isEqualTo("usrId");
        assertThat(e.schema()).isEqualTo("public");
        assertThat(e.table()).isEqualTo("users");
        assertThat(e.available()).containsExactly("id", "name", "email", "created_at", "user_id");
        assertThat(e.suggestions()).containsExactly("user_id");
        assertThat(e.errorCode()).isEqualTo(5);
    }

    @Test
    void aMissWithNothingCloseHasNoDidYouMean() {
        Table seedUsers = tableWith("users", "id", "name", "email", "created_at");
        assertThat(catchThrowableOfType(() -> seedUsers.matchColumn("userId"), ColumnMatchException.class))
                .hasMessage("Column 'userId' not found in table 'users'. Available columns: id, name, email,"
                        + " created_at.");
    }

    @Test
    void anAmbiguousNameIsAnErrorListingTheCandidates() {
        Table table = tableWith("people", "id", "userId", "user_id");
        ColumnMatchException e = catchThrowableOfType(() -> table.matchColumn("User Id"), ColumnMatchException.class);
        assertThat(e).hasMessage("Column 'User Id' is ambiguous in table 'people': it matches userId, user_id."
                + " Use the exact column name.");
        assertThat(e.suggestions()).containsExactly("userId", "user_id");
    }

    @Test
    void tablesOutsidePublicAreNamedWithTheirSchema() {
        Table events = new Table(QualifiedName.of("audit", "events"), TableKind.ORDINARY, null,
                List.of(Models.column("id", 1, true)), null, List.of(), List.of(), List.of(), List.of());
        assertThat(catchThrowableOfType(() -> events.matchColumn("kind"), ColumnMatchException.class))
                .hasMessage("Column 'kind' not found in table 'audit.events'. Available columns: id.");
    }

    @Test
    void longColumnListsAreCut() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            names.add("c" + i);
        }
        Table wide = tableWith("wide", names.toArray(String[]::new));
        assertThat(catchThrowableOfType(() -> wide.matchColumn("zzzzzz"), ColumnMatchException.class).getMessage())
                .endsWith("c39, c40, ... (5 more).");
    }

    private static Table tableWith(String name, String... columns) {
        List<Column> built = new ArrayList<>();
        for (String column : columns) {
            built.add(Models.column(column, built.size() + 1, false));
        }
        return new Table(Models.name(name), TableKind.ORDINARY, null, built, null, List.of(), List.of(), List.of(),
                List.of());
    }
}
