package dev.pgtestkit.junit;

import dev.pgtestkit.junit.internal.Lifecycle;
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
        Lifecycle.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Lifecycle.afterAll(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Lifecycle.beforeEach(context);
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
