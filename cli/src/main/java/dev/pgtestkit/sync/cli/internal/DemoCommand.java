package dev.pgtestkit.sync.cli.internal;

import dev.pgtestkit.core.PgTestkitException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * Stands in for {@code demo} when the samples module (which provides the real one through
 * {@link dev.pgtestkit.sync.cli.CommandProvider}) is not on the class path: it says how to get it.
 */
@Command(name = "demo",
        description = {"The whole toolkit in one run, on embedded PostgreSQL (provided by pgtestkit's samples)."},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n",
        footer = {"  ./pgtestkit demo          # from a clone of the pgtestkit repository"})
public final class DemoCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new PgTestkitException("No demo on the class path: the demo comes with pgtestkit's samples module"
                + " (dev.pgtestkit:pgtestkit-samples), which this build of the CLI does not include. From a clone of"
                + " the repository run ./pgtestkit demo (the launcher builds the CLI with the samples), or build"
                + " the runnable jar with ./mvnw -pl distribution -am package -DskipTests and run"
                + " java -jar distribution/target/pgtestkit.jar demo.");
    }
}
