package dev.cachet.harness.cli;

import dev.cachet.harness.Harness;
import dev.cachet.harness.config.Config;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every cachet subcommand gets from picocli: where to print and warn, and the harness its parent built. */
abstract class Subcommand {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CachetCommand root;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    Harness harness() {
        return root.harness();
    }

    Config config() {
        return root.config();
    }

    /** The environment sessions run with: the one cachet was started with, and the config's 'env' on top. */
    Map<String, String> environment() {
        return root.environment();
    }
}
