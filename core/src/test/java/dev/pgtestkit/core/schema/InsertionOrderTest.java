package dev.pgtestkit.core.schema;

import static dev.pgtestkit.core.schema.Models.fk;
import static dev.pgtestkit.core.schema.Models.name;
import static dev.pgtestkit.core.schema.Models.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pgtestkit.core.SchemaException;
import dev.pgtestkit.core.schema.internal.InsertionPlanner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsertionOrderTest {

    @Test
    void referencedTablesComeFirstAndTiesGoByName() {
        List<Table> tables = List.of(
                table("order_items", List.of("order_id!", "product_id!"), List.of(
                        fk("items_order_fk", "order_items", "order_id", "orders", false),
                        fk("items_product_fk", "order_items", "product_id", "products", false))),
                table("orders", List.of("user_id!"), List.of(fk("orders_user_fk", "orders", "user_id", "users", false))),
                table("products", List.of(), List.of()),
                table("users", List.of(), List.of()),
                table("audit", List.of(), List.of()));

        InsertionOrder order = InsertionPlanner.plan(tables);

        assertThat(order.tables()).containsExactly(name("audit"), name("products"), name("users"), name("orders"),
                name("order_items"));
        assertThat(order.cycles()).isEmpty();
    }

    @Test
    void theOrderDoesNotDependOnTheInputOrder() {
        List<Table> tables = new ArrayList<>(List.of(
                table("c", List.of("b_id!"), List.of(fk("c_b", "c", "b_id", "b", false))),
                table("b", List.of("a_id!"), List.of(fk("b_a", "b", "a_id", "a", false))),
                table("a", List.of(), List.of()),
                table("z", List.of(), List.of())));
        InsertionOrder first = InsertionPlanner.plan(tables);
        java.util.Collections.reverse(tables);
        assertThat(InsertionPlanner.plan(tables)).isEqualTo(first);
        assertThat(first.tables()).containsExactly(name("a"), name("b"), name("c"), name("z"));
    }

    @Test
    void aNullableSelfReferenceIsABreakableCycle() {
        ForeignKey parent = fk("categories_parent_fk", "categories", "parent_id", "categories", false);
        InsertionOrder order = InsertionPlanner.plan(List.of(table("categories", List.of("parent_id"), List.of(parent))));

        assertThat(order.tables()).containsExactly(name("categories"));
        assertThat(order.cycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.tables()).containsExactly(name("categories"));
            assertThat(cycle.edges()).containsExactly(parent);
            assertThat(cycle.breakableEdges()).containsExactly(parent);
            assertThat(cycle.isBreakable()).isTrue();
        });
        assertThat(order.requireInsertable()).isSameAs(order);
    }

    @Test
    void aTwoTableCycleIsOrderedAroundItsNullableEdge() {
        ForeignKey employeeDepartment = fk("employees_department_fk", "employees", "department_id", "departments", false);
        ForeignKey departmentManager = fk("departments_manager_fk", "departments", "manager_id", "employees", false);
        List<Table> tables = List.of(
                table("employees", List.of("department_id!"), List.of(employeeDepartment)),
                table("departments", List.of("manager_id"), List.of(departmentManager)),
                table("payslips", List.of("employee_id!"),
                        List.of(fk("payslips_employee_fk", "payslips", "employee_id", "employees", false))));

        InsertionOrder order = InsertionPlanner.plan(tables);

        assertThat(order.tables()).containsExactly(name("departments"), name("employees"), name("payslips"));
        assertThat(order.cycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.tables()).containsExactly(name("departments"), name("employees"));
            assertThat(cycle.edges()).containsExactlyInAnyOrder(employeeDepartment, departmentManager);
            assertThat(cycle.breakableEdges()).containsExactly(departmentManager);
            assertThat(cycle.unbreakableEdges()).containsExactly(employeeDepartment);
            assertThat(cycle.isBreakable()).isTrue();
        });
    }

    @Test
    void aDeferrableEdgeBreaksACycleOfNotNullColumns() {
        ForeignKey primaryContact = fk("accounts_contact_fk", "accounts", "contact_id", "contacts", true);
        ForeignKey contactAccount = fk("contacts_account_fk", "contacts", "account_id", "accounts", false);
        InsertionOrder order = InsertionPlanner.plan(List.of(
                table("contacts", List.of("account_id!"), List.of(contactAccount)),
                table("accounts", List.of("contact_id!"), List.of(primaryContact))));

        assertThat(order.tables()).containsExactly(name("accounts"), name("contacts"));
        assertThat(order.cycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.breakableEdges()).containsExactly(primaryContact);
            assertThat(cycle.isBreakable()).isTrue();
        });
    }

    @Test
    void aCycleWithNoBreakableEdgeIsReportedAndRequireInsertableNamesItsTablesAndConstraints() {
        ForeignKey ab = fk("a_b_fk", "a", "b_id", "b", false);
        ForeignKey ba = fk("b_a_fk", "b", "a_id", "a", false);
        InsertionOrder order = InsertionPlanner.plan(List.of(
                table("a", List.of("b_id!"), List.of(ab)),
                table("b", List.of("a_id!"), List.of(ba)),
                table("c", List.of(), List.of())));

        assertThat(order.tables()).containsExactly(name("a"), name("b"), name("c"));
        assertThat(order.unbreakableCycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.isBreakable()).isFalse();
            assertThat(cycle.breakableEdges()).isEmpty();
        });
        assertThatThrownBy(order::requireInsertable)
                .isInstanceOf(SchemaException.class)
                .hasMessage("The foreign keys of public.a, public.b form a cycle that cannot be broken: "
                        + "a_b_fk (public.a(b_id) -> public.b), b_a_fk (public.b(a_id) -> public.a) - NOT NULL and not"
                        + " deferrable, so no row can be inserted first. Make one of these foreign keys' columns"
                        + " nullable or declare the constraint DEFERRABLE.");
    }

    @Test
    void aNotNullSelfReferenceCannotBeBroken() {
        ForeignKey self = fk("nodes_parent_fk", "nodes", "parent_id", "nodes", false);
        InsertionOrder order = InsertionPlanner.plan(List.of(table("nodes", List.of("parent_id!"), List.of(self))));

        assertThat(order.unbreakableCycles()).singleElement()
                .satisfies(cycle -> assertThat(cycle.unbreakableEdges()).containsExactly(self));
        assertThatThrownBy(order::requireInsertable).hasMessageContaining("nodes_parent_fk (public.nodes(parent_id)");
    }

    @Test
    void aComponentWithSeveralCyclesIsBreakableOnlyWhenTheBreakableEdgesOpenThemAll() {
        // a <-> b through a nullable edge, b <-> c through NOT NULL edges only: one component, still stuck.
        InsertionOrder order = InsertionPlanner.plan(List.of(
                table("a", List.of("b_id!"), List.of(fk("a_b", "a", "b_id", "b", false))),
                table("b", List.of("a_id", "c_id!"), List.of(fk("b_a", "b", "a_id", "a", false),
                        fk("b_c", "b", "c_id", "c", false))),
                table("c", List.of("b_id!"), List.of(fk("c_b", "c", "b_id", "b", false)))));

        assertThat(order.cycles()).singleElement().satisfies(cycle -> {
            assertThat(cycle.tables()).hasSize(3);
            assertThat(cycle.breakableEdges()).extracting(ForeignKey::name).containsExactly("b_a");
            assertThat(cycle.isBreakable()).isFalse();
        });
    }

    @Test
    void foreignKeysToTablesOutsideTheSetAreIgnored() {
        InsertionOrder order = InsertionPlanner.plan(List.of(
                table("orders", List.of("user_id!"), List.of(fk("orders_user_fk", "orders", "user_id", "users", false)))));
        assertThat(order.tables()).containsExactly(name("orders"));
        assertThat(order.cycles()).isEmpty();
    }

    @Test
    void aChainOfTwentyThousandTablesNeedsNoDeepRecursion() {
        List<Table> tables = new ArrayList<>();
        tables.add(table("t00000", List.of(), List.of()));
        for (int i = 1; i < 20_000; i++) {
            String child = "t%05d".formatted(i);
            String parent = "t%05d".formatted(i - 1);
            tables.add(table(child, List.of("parent_id!"), List.of(fk(child + "_fk", child, "parent_id", parent, false))));
        }
        java.util.Collections.reverse(tables);

        InsertionOrder order = InsertionPlanner.plan(tables);

        assertThat(order.tables()).hasSize(20_000);
        assertThat(order.tables().get(0)).isEqualTo(name("t00000"));
        assertThat(order.tables().get(19_999)).isEqualTo(name("t19999"));
        assertThat(order.tables()).isSorted();
    }
}
