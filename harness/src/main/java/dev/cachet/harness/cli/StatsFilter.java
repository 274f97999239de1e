package dev.cachet.harness.cli;

import dev.cachet.evals.stats.report.DateRange;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.TraceFormats;
import dev.cachet.providers.session.SessionLogs;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Which calls a stats report counts: by day, project and the tool that logged them. */
final class StatsFilter {
    @Option(names = "--since", paramLabel = "DAY", converter = DayConverter.class,
            description = "Count calls from this day on (YYYY-MM-DD or YYYYMMDD, in the time zone).")
    LocalDate since;

    @Option(names = "--until", paramLabel = "DAY", converter = DayConverter.class,
            description = "Count calls up to and including this day.")
    LocalDate until;

    @Option(names = "--timezone", paramLabel = "ZONE", converter = ZoneConverter.class,
            description = "The time zone days, weeks and months are counted in (Europe/Paris, UTC, +02:00). "
                    + "Default: this machine's.")
    ZoneId zone;

    @Option(names = "--project", paramLabel = "NAME",
            description = "Only logs of this project: the directory the logs lie in (Claude Code's "
                    + "~/.claude/projects/<project>, cachet's sessions/<workspace>-<hash>), whole, its last part after a "
                    + "'-', or a cachet workspace's name.")
    String project;

    @Option(names = "--source", paramLabel = "TOOL",
            description = "Only logs of this tool: claude-code, codex, cachet, openhands, mini-swe-agent, swe-agent.")
    String source;

    DateRange range() {
        if (since != null && until != null && until.isBefore(since)) {
            throw new UsageException("--until " + until + " is before --since " + since);
        }
        return new DateRange(Optional.ofNullable(since), Optional.ofNullable(until), zone());
    }

    ZoneId zone() {
        return zone != null ? zone : ZoneId.systemDefault();
    }

    /** Throws when --source names no format cachet reads. */
    void check() {
        List<String> labels = TraceFormats.all().stream().map(TraceFormat::label).toList();
        if (source != null && !labels.contains(source)) {
            throw new UsageException("--source " + source + ": not a log format cachet reads; one of " + labels);
        }
        range();
    }

    /** Whether a log file belongs to the project asked for. */
    boolean inProject(Path file) {
        if (project == null) {
            return true;
        }
        Path parent = file.toAbsolutePath().normalize().getParent();
        String dir = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        // Claude Code names a project's directory by its path ("-home-me-app"); cachet a workspace's by its name and
        // a hash of its path ("app-881cf78b9b1b").
        return dir.equals(project) || dir.endsWith("-" + project) || SessionLogs.namesWorkspace(dir, project);
    }

    boolean fromSource(String format) {
        return source == null || source.equals(format);
    }
}
