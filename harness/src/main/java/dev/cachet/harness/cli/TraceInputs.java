package dev.cachet.harness.cli;

import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.harness.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The recorded sessions a command reads: the paths given, else the user's own cachet, Claude Code and Codex logs. */
final class TraceInputs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    List<Path> paths = new ArrayList<>();

    /**
     * Any number of paths, so picocli would leave one its converter refuses unmatched, without saying why: they are
     * taken as given and an empty one is refused here.
     */
    @Parameters(paramLabel = "PATH", arity = "0..*", converter = AnyPath.class,
            description = "Session logs or trajectory files, or directories to search for them. Default: your cachet "
                    + "(~/.local/state/cachet/sessions, and ./.cachet/sessions of older versions), Claude Code "
                    + "(~/.claude/projects) and Codex (~/.codex/sessions) logs.")
    void paths(List<Path> given) {
        if (given.stream().anyMatch(path -> path.toString().isBlank())) {
            throw new ParameterException(command.commandLine(), "Invalid value for positional parameter PATH: empty path");
        }
        paths = new ArrayList<>(given);
    }

    static final class AnyPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(value);
        }
    }

    /** Every file of a known format under the paths; none at all is the user's to fix, so it is an error. */
    TraceFiles.Found find(UserLogs own) {
        List<Path> searched = paths.isEmpty() ? own.find() : paths;
        TraceFiles.Found found = TraceFiles.expand(searched);
        if (found.files().isEmpty()) {
            throw new InputException("no session logs found in " + searched
                    + (found.skipped() > 0 ? " (" + found.skipped() + " files of other formats)" : ""));
        }
        return found;
    }
}
