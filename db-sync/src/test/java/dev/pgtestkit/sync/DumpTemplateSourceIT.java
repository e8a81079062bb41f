package dev.pgtestkit.sync;

import static dev.pgtestkit.sync.SyncTestSupport.SERVER;
import static dev.pgtestkit.sync.SyncTestSupport.database;
import static dev.pgtestkit.sync.SyncTestSupport.pg;
import static dev.pgtestkit.sync.SyncTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pgtestkit.core.DatabaseTemplate;
import dev.pgtestkit.core.DisposableDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpTemplateSourceIT {

    @TempDir
    Path tmp;

    @Test
    void aDumpIsATemplateKeyedByItsContent() {
        Path dir = tmp.resolve("dump");
        String marker = "template-row"; // fixed: the same content reuses one template on the server
        try (DisposableDatabase source = database("CREATE TABLE notes (id int PRIMARY KEY, body text)",
                "INSERT INTO notes SELECT i, '" + marker + "' FROM generate_series(1, 50) i")) {
            Dumper.dump(pg(source), dir);
        }
        DatabaseTemplate template = DatabaseTemplate.builder(SERVER).source(DumpTemplateSource.of(dir)).buildOwned();
        try (template; DisposableDatabase a = template.checkout(); DisposableDatabase b = template.checkout()) {
            assertThat(text(pg(a), "SELECT count(*) FROM notes WHERE body = '" + marker + "'")).isEqualTo("50");
            SyncTestSupport.execute(a.connect(), "DELETE FROM notes");
            assertThat(text(pg(b), "SELECT count(*) FROM notes")).as("each clone is its own").isEqualTo("50");
        }
    }
}
