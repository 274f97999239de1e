package dev.cachet.harness.cli;

import dev.cachet.harness.config.ConfigFiles;
import dev.cachet.harness.config.TrustedDirectories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trust", mixinStandardHelpOptions = true,
        description = {
            "Trust a directory's .cachet.yaml. Until you do, it may set only the strategy and its parameters; "
                    + "model, base_url, mcp_servers, env, sandbox, allow_env and allow_network are ignored with a "
                    + "warning, since a repository (or an agent working in it) could write them to send your API key "
                    + "elsewhere or run commands outside the sandbox.",
            "",
            "Trust is remembered per canonical path in trusted-projects in cachet's config directory "
                    + "($XDG_CONFIG_HOME/cachet, else ~/.config/cachet); your own config.yaml there is always trusted."})
final class TrustCommand extends Subcommand implements Callable<Integer>, ConfigFree {
    @Parameters(paramLabel = "DIR", arity = "0..1", description = "The directory. Default: the current directory.")
    Path directory;

    @Option(names = "--list", description = "List the trusted directories.") boolean list;

    @Option(names = "--revoke", description = "Stop trusting DIR.") boolean revoke;

    @Override
    public Integer call() {
        if (list && (revoke || directory != null)) {
            throw new UsageException("--list takes neither DIR nor --revoke");
        }
        TrustedDirectories trusted = TrustedDirectories.of(root.dirs());
        PrintWriter out = out();
        if (list) {
            List<Path> all = trusted.list();
            all.forEach(out::println);
            if (all.isEmpty()) {
                err().println("no trusted directories (" + trusted.file() + ")");
            }
            return ExitCodes.OK;
        }
        Path target = root.workingDirectory().resolve(directory != null ? directory : Path.of(""));
        if (revoke) {
            out.println((trusted.revoke(target) ? "no longer trusted: " : "was not trusted: ") + target.normalize());
        } else {
            out.println("trusted: " + trusted.trust(target) + " (its " + ConfigFiles.PROJECT_FILE + " applies in full)");
        }
        return ExitCodes.OK;
    }
}
