package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static dev.pgtestkit.sync.SyncTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DisposableDatabase;
import dev.pgtestkit.core.schema.QualifiedName;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subsets through foreign-key cycles: a table referencing itself and two tables referencing each other. A row is
 * kept when it passes its filter and every row it references is kept, however long the chain or loop; the dump must
 * neither loop nor leave out a row it could keep, and it restores with every key checked.
 */
class SubsetCycleIT {

    static DisposableDatabase source;
    String target;

    @TempDir
    Path tmp;

    @BeforeAll
    static void fill() {
        source = database("""
                CREATE TABLE employees (id int PRIMARY KEY, manager_id int REFERENCES employees, dept text NOT NULL);
                CREATE TABLE teams (id int PRIMARY KEY, lead_id int);
                CREATE TABLE people (id int PRIMARY KEY, team_id int REFERENCES teams, active boolean NOT NULL);
                ALTER TABLE teams ADD FOREIGN KEY (lead_id) REFERENCES people;
                CREATE TABLE notes (id int PRIMARY KEY, person_id int NOT NULL REFERENCES people, body text);
                """,
                // 1 exec <- 2 eng <- 3 eng (dropped: their chain reaches sales/exec); 4 eng, no manager; 5 eng, its own
                // manager; 6 <-> 7 eng, each other's manager; 8 sales <- 9 eng (dropped)
                "INSERT INTO employees VALUES (1, NULL, 'exec'), (2, 1, 'eng'), (3, 2, 'eng'), (4, NULL, 'eng'),"
                        + " (5, NULL, 'eng'), (6, NULL, 'eng'), (7, 6, 'eng'), (8, NULL, 'sales'), (9, 8, 'eng')",
                "UPDATE employees SET manager_id = 5 WHERE id = 5",
                "UPDATE employees SET manager_id = 7 WHERE id = 6",
                "UPDATE employees SET manager_id = 6 WHERE id = 8",
                // teams 10 (lead 1), 20 (lead 3, inactive), 30 (no lead); person 2 is in team 20
                "INSERT INTO teams VALUES (10, NULL), (20, NULL), (30, NULL)",
                "INSERT INTO people VALUES (1, 10, true), (2, 20, true), (3, 20, false), (4, 30, true), (5, NULL, true)",
                "UPDATE teams SET lead_id = 1 WHERE id = 10",
                "UPDATE teams SET lead_id = 3 WHERE id = 20",
                "INSERT INTO notes SELECT i, 1 + i % 5, 'note' FROM generate_series(1, 50) i");
    }

    @AfterAll
    static void drop() {
        source.close();
    }

    @AfterEach
    void dropTarget() {
        if (target != null && SERVER.databases(target).contains(target)) {
            SERVER.dropDatabase(target);
        }
    }

    @Test
    void aTableReferencingItselfKeepsEveryRowWhoseManagersAreKept() {
        Path dir = tmp.resolve("self");
        DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().include("public.employees")
                .where("employees", "dept = 'eng'").build());
        DumpManifest.TableEntry employees = m.table(QualifiedName.of("public", "employees")).orElseThrow();
        assertThat(employees.rows()).isEqualTo(4);
        assertThat(employees.rowsLeftOut()).as("2, 3 and 9 pass the filter, their managers do not").isEqualTo(3);
        PgDatabase restored = restore(dir);
        assertThat(ids(restored, "employees")).containsExactly("4", "5", "6", "7");
    }

    @Test
    void twoTablesReferencingEachOtherKeepWhatResolvesInsideTheDump() {
        Path dir = tmp.resolve("mutual");
        DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().exclude("public.employees")
                .where("people", "active").build());
        // person 3 is inactive: team 20 (its lead) goes, so does person 2 (in team 20), and their notes
        assertThat(m.table(QualifiedName.of("public", "people")).orElseThrow().rowsLeftOut()).isEqualTo(1);
        assertThat(m.table(QualifiedName.of("public", "teams")).orElseThrow().rowsLeftOut()).isEqualTo(1);
        assertThat(m.table(QualifiedName.of("public", "notes")).orElseThrow().rowsLeftOut()).isEqualTo(20);
        PgDatabase restored = restore(dir);
        assertThat(ids(restored, "people")).containsExactly("1", "4", "5");
        assertThat(ids(restored, "teams")).containsExactly("10", "30");
        assertThat(rows(restored, "SELECT DISTINCT person_id FROM notes ORDER BY 1")).extracting(r -> r.get(0))
                .containsExactly("1", "4", "5");
        Verifier.verify(dir, restored);
    }

    @Test
    void aCycleWithoutFiltersIsDumpedWhole() {
        Path dir = tmp.resolve("whole");
        DumpManifest m = Dumper.dump(pg(source), dir, DumpOptions.builder().build());
        assertThat(m.table(QualifiedName.of("public", "people")).orElseThrow().rows()).isEqualTo(5);
        assertThat(m.table(QualifiedName.of("public", "employees")).orElseThrow().rows()).isEqualTo(9);
        assertThat(ids(restore(dir), "teams")).containsExactly("10", "20", "30");
    }

    private PgDatabase restore(Path dir) {
        target = "pgtestkit_cycle_" + UUID.randomUUID().toString().substring(0, 8);
        PgDatabase db = PgDatabase.of(SERVER, target);
        Restorer.restore(dir, db); // foreign keys are added and validated after the data: a violation fails here
        return db;
    }

    private static List<String> ids(PgDatabase db, String table) {
        return rows(db, "SELECT id FROM " + table + " ORDER BY id").stream().map(r -> r.get(0)).toList();
    }
}
