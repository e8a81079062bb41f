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
        throw new PgTestkitException("The demo is not part of this build: it comes with pgtestkit's samples module"
                + " (dev.pgtestkit:pgtestkit-samples), which is not on the class path. From a clone of the"
                + " repository run ./pgtestkit demo (the launcher builds the samples with the CLI), or"
                + " java -jar samples/target/pgtestkit.jar demo after ./mvnw -pl samples -am package -DskipTests.");
    }
}
