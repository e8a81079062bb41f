package dev.pgtestkit.junit;

import dev.pgtestkit.junit.internal.ClassState;
import dev.pgtestkit.junit.internal.Config;
import dev.pgtestkit.junit.internal.Lifecycle;
import dev.pgtestkit.junit.internal.TestState;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit Jupiter extension behind {@link PgTest} and {@link WithTransaction}; registered by those annotations,
 * not used directly. Stateless: everything lives in the extension store of each context (closeable, so a failing
 * test still releases its connection and database), which makes it safe for parallel execution.
 */
public final class PgTestExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        ClassState state = Lifecycle.beforeAll(context);
        if (state.config().isolation() == Isolation.DATABASE_PER_CLASS) {
            TestData.apply(context.getRequiredTestClass(), context.getRequiredTestClass(), state);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Lifecycle.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TestState state = Lifecycle.beforeEach(context);
        Class<?> testClass = context.getRequiredTestClass();
        if (Config.pgTest(testClass).map(PgTest::isolation).orElse(null) == Isolation.DATABASE_PER_TEST) {
            TestData.apply(testClass, testClass, state); // class-level data goes into each test's database
        }
        TestData.apply(context.getRequiredTestMethod(), testClass, state);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Lifecycle.afterEach(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.supports(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.resolve(parameter.getParameter().getType(), Lifecycle.scope(context));
    }
}
