package dev.cachet.harness.cli;

import dev.cachet.context.error.CachetException;
import dev.cachet.evals.report.Table;
import dev.cachet.evals.report.TextTable;
import dev.cachet.harness.Harness;
import dev.cachet.harness.resume.SessionFiles;
import dev.cachet.harness.resume.SessionRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "This workspace's sessions, the one active last first: id, task, turns, cost, how it stopped "
                + "(none: killed, or still running) and how long ago it was last active. 'cachet resume ID' goes on "
                + "with one.")
final class SessionsCommand extends Subcommand implements Callable<Integer> {
    private static final int TASK_CHARS = 48;
    private static final List<Table.Heading> HEADINGS = List.of(Table.Heading.text("id"), Table.Heading.text("task"),
            Table.Heading.number("turns"), Table.Heading.number("cost"), Table.Heading.text("stop"),
            Table.Heading.number("active"));

    @Option(names = {"-w", "--workspace"}, paramLabel = "DIR", defaultValue = ".",
            description = "The workspace whose sessions to list. Default: the current directory.")
    Path workspace;

    @Override
    public Integer call() {
        SessionFiles sessions = SessionFiles.of(sessionLogs(), Harness.existing(workspace).toAbsolutePath().normalize());
        List<Path> logs = sessions.all();
        if (logs.isEmpty()) {
            out().println("no sessions in " + workspace.toAbsolutePath().normalize() + sessions.leftInWorkspaceHint());
            return ExitCodes.OK;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Path log : logs) {
            rows.add(row(log));
        }
        out().print(TextTable.render(new Table(HEADINGS, rows)));
        if (!sessions.leftInWorkspace().isEmpty()) {
            out().println("not listed" + sessions.leftInWorkspaceHint());
        }
        out().flush();
        return ExitCodes.OK;
    }

    private List<String> row(Path log) {
        String id = log.getFileName().toString().replaceFirst("\\.jsonl$", "");
        try {
            SessionRecord record = SessionRecord.read(log, warning -> { });
            String stop = record.stop().map(s -> s.reason().label()).orElse("none");
            String active = record.lastActive().map(this::ago).orElse("");
            return List.of(id, task(record.start().task()), String.valueOf(record.turns()),
                    String.format(Locale.ROOT, "$%.4f", record.costUsd()), stop, active);
        } catch (CachetException e) {
            return List.of(id, "unreadable: " + e.getMessage(), "", "", "", "");
        }
    }

    private static String task(String task) {
        String line = task.lines().findFirst().orElse("");
        return line.length() <= TASK_CHARS ? line : line.substring(0, TASK_CHARS - 3) + "...";
    }

    private String ago(Instant then) {
        Duration age = Duration.between(then, clock().instant());
        if (age.toDays() > 0) {
            return age.toDays() + "d ago";
        }
        return age.toHours() > 0 ? age.toHours() + "h ago" : Math.max(0, age.toMinutes()) + "m ago";
    }
}
