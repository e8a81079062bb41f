package dev.pgtestkit.core.internal;

import dev.pgtestkit.core.PostgresServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide servers behind {@code PostgresProvider.shared()}: one per provider configuration, started on first
 * use, closed by one shutdown hook. Other JVM-wide resources on those servers (template pools) register closers
 * that run before the servers stop.
 */
public final class SharedServers {

    private static final Logger LOG = LoggerFactory.getLogger(SharedServers.class);
    private static final Map<String, PostgresServer> SERVERS = new LinkedHashMap<>();
    private static final List<Runnable> BEFORE_STOP = Collections.synchronizedList(new ArrayList<>());
    private static boolean hookInstalled;

    private SharedServers() {
    }

    /** The shared server for this key, started with {@code start} the first time. */
    public static synchronized PostgresServer get(String key, Supplier<PostgresServer> start) {
        PostgresServer server = SERVERS.get(key);
        if (server == null) {
            LoggingCheck.warnOnceIfNoProvider();
            installHook();
            server = new UncloseableServer(start.get());
            SERVERS.put(key, server);
        }
        return server;
    }

    /** Runs at JVM exit before the shared servers stop (last registered first). */
    public static void beforeStop(Runnable closer) {
        installHook();
        BEFORE_STOP.add(closer);
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServers::stopAll, "pgtestkit-shutdown"));
            hookInstalled = true;
        }
    }

    private static void stopAll() {
        List<Runnable> closers = new ArrayList<>(BEFORE_STOP);
        Collections.reverse(closers);
        closers.forEach(SharedServers::runQuietly);
        List<PostgresServer> servers;
        synchronized (SharedServers.class) {
            servers = new ArrayList<>(SERVERS.values());
            SERVERS.clear();
        }
        for (PostgresServer s : servers) {
            runQuietly(((UncloseableServer) s).delegate()::close);
        }
    }

    private static void runQuietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("pgtestkit clean-up at exit failed: {}", e.getMessage());
        }
    }
}
