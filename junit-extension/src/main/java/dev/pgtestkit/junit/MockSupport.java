package dev.pgtestkit.junit;

import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The mock generator as a parameter and behind {@link MockData}. Loaded only when
 * {@link OptionalModule#MOCK_GENERATOR} is present.
 */
final class MockSupport {

    private MockSupport() {
    }

    /** A generator on the DataSource (typed Object so callers never mention mock-generator types). */
    static Object generator(DataSource dataSource, SchemaRegistry registry) {
        return MockDataGenerator.builder(dataSource).registry(registry).build();
    }

    static void generate(MockData mock, DataSource dataSource, SchemaRegistry registry) {
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
}
