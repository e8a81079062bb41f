package dev.pgtestkit.junit;

import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Jdbi parameters. Loaded only after {@link #isJdbiType(Class)} said yes, so Jdbi stays an optional dependency. */
final class JdbiSupport {

    private static final String JDBI = "org.jdbi.v3.core.Jdbi";
    private static final String HANDLE = "org.jdbi.v3.core.Handle";

    private JdbiSupport() {
    }

    /** By name, without loading Jdbi classes. */
    static boolean isJdbiType(Class<?> type) {
        return type.getName().equals(JDBI) || type.getName().equals(HANDLE);
    }

    static boolean isHandle(Class<?> type) {
        return type.getName().equals(HANDLE);
    }

    /** A {@code Jdbi} on the DataSource (typed Object so callers never mention Jdbi types). */
    static Object jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource);
    }

    /** A new {@code Handle} of a {@code Jdbi} made by {@link #jdbi(DataSource)}; the caller closes it. */
    static Handle open(Object jdbi) {
        return ((Jdbi) jdbi).open();
    }
}
