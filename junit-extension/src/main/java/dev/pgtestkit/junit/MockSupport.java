package dev.pgtestkit.junit;

import dev.pgtestkit.core.schema.SchemaRegistry;
import dev.pgtestkit.mock.ChildCount;
import dev.pgtestkit.mock.ColumnOverride;
import dev.pgtestkit.mock.GenerationPlan;
import dev.pgtestkit.mock.MockDataGenerator;
import dev.pgtestkit.mock.TablePlan;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

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
        String where = "@MockData(table = \"" + mock.table() + "\")";
        // qualified, so a child's perParent names exactly the table the plan generates
        String root = registry.table(mock.table()).name().toString();
        GenerationPlan.Builder plan = GenerationPlan.builder()
                .table(root, mock.rows(), t -> columns(t, mock.columns(), where));
        for (MockData.Child child : mock.children()) {
            ChildCount count = child.max() < 0 ? ChildCount.of(child.count())
                    : ChildCount.between(child.count(), child.max());
            ChildCount via = child.via().isEmpty() ? count : count.via(child.via());
            plan.table(child.table(), t -> columns(t.perParent(root, via), child.columns(), where));
        }
        for (MockData.Table table : mock.tables()) {
            plan.table(table.name(), table.rows(), t -> columns(t, table.columns(), where));
        }
        generator.generate(plan.build());
    }

    private static void columns(TablePlan.Builder table, MockData.Column[] columns, String where) {
        for (MockData.Column column : columns) {
            table.column(column.name(), override(column, where));
        }
    }

    private static ColumnOverride override(MockData.Column column, String where) {
        List<ColumnOverride> given = new ArrayList<>();
        if (!MockData.Column.UNSET.equals(column.value())) {
            given.add(ColumnOverride.constant(column.value()));
        }
        if (!column.expression().isEmpty()) {
            given.add(ColumnOverride.expression(column.expression()));
        }
        if (column.isNull()) {
            given.add(ColumnOverride.constant(null));
        }
        if (column.serverDefault()) {
            given.add(ColumnOverride.serverDefault());
        }
        if (given.size() != 1) {
            throw new ExtensionConfigurationException(where + ": @MockData.Column(name = \"" + column.name() + "\") "
                    + (given.isEmpty() ? "gives no value" : "gives " + given.size() + " values")
                    + "; set exactly one of value, expression, isNull, serverDefault.");
        }
        return given.get(0);
    }
}
