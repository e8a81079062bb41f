package dev.pgtestkit.samples;

import dev.pgtestkit.sync.cli.CommandProvider;
import dev.pgtestkit.sync.cli.Pgtestkit;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pgtestkit demo}: {@link Demo} as a subcommand of the CLI, found through {@link CommandProvider}. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"pgtestkit end to end on the Keep sync sample, on embedded PostgreSQL with no setup: production",
                "and test databases from its migrations, related mock data, its workload through the query logger",
                "(slow statements, an N+1 found then fixed), the HTML report, production dumped masked, committed",
                "to a git repository, restored into the test database and verified, and a @WithTransaction test."})
public final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    private Pgtestkit root;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/pgtestkit-demo",
            description = "Directory for the demo's output (default: ${DEFAULT-VALUE}).")
    private Path out;

    private DemoResult result;

    @Override
    public Integer call() {
        result = new Demo(root.io().out(), out).run();
        return result.junit().getTotalFailureCount() == 0 ? 0 : 1;
    }

    /** What the last {@link #call()} did (null before), for tests. */
    DemoResult result() {
        return result;
    }

    /** Registered in {@code META-INF/services/dev.pgtestkit.sync.cli.CommandProvider}. */
    public static final class Provider implements CommandProvider {

        @Override
        public Object command() {
            return new DemoCommand();
        }
    }
}
