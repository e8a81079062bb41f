package dev.pgtestkit.junit;

import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.rows.Fixtures;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.junit.internal.Scope;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Applies {@link Fixture} and {@link MockData} of a class or method to a scope's database, through the scope's
 * unlogged DataSource (set-up statements stay out of the test's query log).
 */
final class TestData {

    private TestData() {
    }

    static void apply(AnnotatedElement element, Class<?> testClass, Scope scope) {
        List<Fixture> fixtures = AnnotationSupport.findRepeatableAnnotations(element, Fixture.class);
        List<MockData> mocks = AnnotationSupport.findRepeatableAnnotations(element, MockData.class);
        if (fixtures.isEmpty() && mocks.isEmpty()) {
            return;
        }
        DataSource dataSource = Parameters.rawDataSource(scope);
        if (!fixtures.isEmpty()) {
            Fixtures loader = Fixtures.of(Rows.of(dataSource));
            fixtures.stream().flatMap(f -> List.of(f.value()).stream())
                    .forEach(file -> loader.loadResource(resource(testClass, file)));
        }
        for (MockData mock : mocks) {
            generate(mock, dataSource, Parameters.registry(scope));
        }
    }

    private static void generate(MockData mock, DataSource dataSource, SchemaRegistry registry) {
        MockDataGenerator generator = MockDataGenerator.builder(dataSource).registry(registry).seed(mock.seed())
                .build();
        if (mock.children().length == 0) {
            generator.generate(GenerationPlan.builder().table(mock.table(), mock.rows()).build());
            return;
        }
        Map<String, ChildCount> children = new LinkedHashMap<>();
        for (MockData.Child child : mock.children()) {
            ChildCount count = child.max() < 0 ? ChildCount.of(child.count())
                    : ChildCount.between(child.count(), child.max());
            children.put(child.table(), child.via().isEmpty() ? count : count.via(child.via()));
        }
        generator.generateRelated(null, mock.table(), mock.rows(), children);
    }

    /** Next to the test class first, then from the class path root; the name as the class loader sees it. */
    static String resource(Class<?> testClass, String file) {
        if (!file.startsWith("/")) {
            String packagePath = testClass.getPackageName().replace('.', '/');
            String relative = packagePath.isEmpty() ? file : packagePath + "/" + file;
            if (testClass.getClassLoader().getResource(relative) != null) {
                return relative;
            }
        }
        String absolute = file.startsWith("/") ? file.substring(1) : file;
        if (testClass.getClassLoader().getResource(absolute) == null) {
            throw new PgTestkitException("Fixture file '" + file + "' of " + testClass.getSimpleName() + " not found "
                    + "on the class path: looked for " + (file.startsWith("/") ? "" : testClass.getPackageName()
                    .replace('.', '/') + "/" + file + " and ") + absolute + ". Put it under src/test/resources.");
        }
        return absolute;
    }
}
