package dev.cachet.harness.cli;

import dev.cachet.context.Counted;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.harness.InputException;
import dev.cachet.harness.eval.HarnessAgentRunner;
import dev.cachet.providers.session.SessionLogs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
            description = "Session logs or trajectory files, or directories to search for them; a Claude Code "
                    + "session's log brings its sub-agents' own logs (<session>/subagents) with it. Default: your "
                    + UserLogs.WHERE + " logs; logs older versions left in ./.cachet/sessions are read only when "
                    + "named, since a cloned repository can plant some there.")
    void paths(List<Path> given) {
        paths = nonEmpty(command, given);
    }

    /** The paths {@link AnyPath} took, refusing an empty one as picocli would refuse an option's. */
    static List<Path> nonEmpty(CommandSpec command, List<Path> given) {
        if (given.stream().anyMatch(path -> path.toString().isBlank())) {
            throw new ParameterException(command.commandLine(), "Invalid value for positional parameter PATH: empty path");
        }
        return new ArrayList<>(given);
    }

    static final class AnyPath implements ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            return Path.of(value);
        }
    }

    /**
     * Every file of a known format under the paths; none at all is the user's to fix, so it is an error. The logs of
     * eval runs that Ctrl-C stopped are left out, with a note on {@code err}, unless named: they are no finished run,
     * and --resume ran the run again.
     */
    TraceFiles.Found find(UserLogs own, PrintWriter err) {
        return find(own, err, file -> Optional.empty());
    }

    /** As {@link #find(UserLogs, PrintWriter)}, taking the formats {@code known} ({@link TraceFiles#expand}) as found. */
    TraceFiles.Found find(UserLogs own, PrintWriter err, Function<Path, Optional<TraceFormat>> known) {
        List<Path> searched = paths.isEmpty() ? own.find() : paths;
        if (paths.isEmpty()) {
            List<Path> left = SessionLogs.leftInWorkspace(own.workingDirectory());
            if (!left.isEmpty()) {
                err.println("not read: " + Counted.of(left.size(), "log") + " older versions left in "
                        + left.get(0).getParent() + " (a cloned repository can plant some there); name it to read them");
            }
        }
        TraceFiles.Found all = TraceFiles.expand(searched, known);
        Set<Path> named = searched.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        Map<Boolean, List<Path>> interrupted = all.files().stream().collect(Collectors.partitioningBy(
                file -> file.getFileName().toString().endsWith(HarnessAgentRunner.INTERRUPTED_LOG) && !named.contains(file)));
        interrupted.get(true).forEach(file -> err.println("skipped an interrupted eval run (not a finished run): " + file));
        TraceFiles.Found found = new TraceFiles.Found(interrupted.get(false), all.formats(), all.skipped(),
                all.unlisted());
        if (found.files().isEmpty()) {
            throw new InputException("no session logs found in " + searched.stream().map(Path::toString)
                    .collect(Collectors.joining(", "))
                    + (found.skipped() > 0 ? " (" + Counted.of(found.skipped(), "file") + " of other formats)" : "")
                    + (found.unlisted().isEmpty() ? "" : "; " + String.join("; ", found.unlisted())));
        }
        return found;
    }
}
