package dev.pgtestkit.querylog.internal;

import java.sql.SQLException;
import java.sql.Wrapper;
import java.util.function.Function;
import javax.sql.DataSource;

/** {@link Wrapper} plumbing shared by the logging wrappers. */
final class Wrappers {

    private Wrappers() {
    }

    /** {@code self} when it is an {@code iface}, else whatever the delegate unwraps to (PgConnection...). */
    static <T> T unwrap(Object self, Wrapper delegate, Class<T> iface) throws SQLException {
        return iface.isInstance(self) ? iface.cast(self) : delegate.unwrap(iface);
    }

    static boolean isWrapperFor(Object self, Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(self) || delegate.isWrapperFor(iface);
    }

    /** The recorder of a logging wrapper hidden behind {@code candidate} (a pool's proxy...), or null. */
    static <W> Recorder recorderBehind(Wrapper candidate, Class<W> wrapperType, Function<W, Recorder> recorder) {
        try {
            return candidate.isWrapperFor(wrapperType) ? recorder.apply(candidate.unwrap(wrapperType)) : null;
        } catch (SQLException | RuntimeException e) {
            return null; // a wrapper that cannot answer is not one of ours
        }
    }

    /** The DataSource beneath a logging one, so plan connections are not logged; null stays null. */
    static DataSource unwrapped(DataSource dataSource) {
        if (dataSource == null) {
            return null;
        }
        if (dataSource instanceof LoggingDataSource logging) {
            return logging.delegate();
        }
        try {
            return dataSource.isWrapperFor(LoggingDataSource.class)
                    ? dataSource.unwrap(LoggingDataSource.class).delegate() : dataSource;
        } catch (SQLException e) {
            return dataSource;
        }
    }
}
