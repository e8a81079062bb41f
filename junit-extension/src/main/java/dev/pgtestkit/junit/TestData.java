package dev.pgtestkit.junit;

import dev.pgtestkit.core.PgTestkitException;
import dev.pgtestkit.core.rows.Fixtures;
import dev.pgtestkit.core.rows.Rows;
import dev.pgtestkit.junit.internal.Config;
import dev.pgtestkit.junit.internal.Scope;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Applies {@link Fixture} and {@link MockData} of a class or method to a scope's database, through the scope's
 * unlogged DataSource (set-up statements stay out of the test's query log).
 */
final class TestData {

    /** Per test class: the fixtures and mock data each of its elements declares (asked for on every test). */
    private static final ClassValue<Map<AnnotatedElement, Declared>> DECLARED = Config.perClass();

    private TestData() {
    }

    private record Declared(List<Fixture> fixtures, List<MockData> mocks) {
    }

    static void apply(AnnotatedElement element, Class<?> testClass, Scope scope) {
        Declared declared = DECLARED.get(testClass).computeIfAbsent(element, e -> new Declared(
                AnnotationSupport.findRepeatableAnnotations(e, Fixture.class),
                AnnotationSupport.findRepeatableAnnotations(e, MockData.class)));
        List<Fixture> fixtures = declared.fixtures();
        List<MockData> mocks = declared.mocks();
        if (fixtures.isEmpty() && mocks.isEmpty()) {
            return;
        }
        if (!mocks.isEmpty() && !OptionalModule.MOCK_GENERATOR.present()) {
            throw new ExtensionConfigurationException("@MockData on " + describe(element) + " needs the mock generator, "
                    + "which is not on the test class path: " + OptionalModule.MOCK_GENERATOR.howToAdd() + ".");
        }
        DataSource dataSource = Parameters.rawDataSource(scope);
        if (!fixtures.isEmpty()) {
            Fixtures loader = Fixtures.of(Rows.of(dataSource));
            fixtures.stream().flatMap(f -> List.of(f.value()).stream())
                    .forEach(file -> loader.loadResource(resource(testClass, file)));
        }
        for (MockData mock : mocks) {
            MockSupport.generate(mock, dataSource, Parameters.registry(scope));
        }
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
        }
        return element instanceof Class<?> type ? "class " + type.getSimpleName() : element.toString();
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
