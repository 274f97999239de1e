package dev.cachet.harness.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.evals.matrix.LocalExecutor;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.PlanFiles;
import dev.cachet.evals.matrix.kubernetes.RunPlan;
import dev.cachet.evals.suite.Suite;
import dev.cachet.evals.suite.Workspaces;
import dev.cachet.harness.InputException;
import dev.cachet.harness.eval.HarnessAgentRunner;
import dev.cachet.harness.eval.RunStops;
import dev.cachet.harness.eval.TaskModels;
import dev.cachet.tools.sandbox.Sandbox;
import dev.cachet.tools.sandbox.SandboxMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One run of a Kubernetes eval, in its pod: the run at {@code JOB_COMPLETION_INDEX} of the mounted plan, through the
 * same {@link LocalExecutor} a laptop uses. Its record goes where the coordinator reads it with the API alone: the
 * termination message, and the log's last line. Exits 0 whenever it wrote a record, solved or not.
 */
@Command(name = "eval-run", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs one run of a Kubernetes eval inside its pod (see docs/evals-kubernetes.md); "
                + "'cachet eval --executor kubernetes' submits the Job that starts it.")
final class EvalRunCommand extends Subcommand implements Callable<Integer>, CountsTokens {
    /** What the kubelet keeps of a termination message. */
    static final int MESSAGE_LIMIT = 4096;
    static final String SESSION_PREFIX = "session ";

    @Option(names = "--plan-dir", paramLabel = "DIR", defaultValue = "/plan",
            description = "The Job's ConfigMap, mounted: suite.yaml, plan.json. Default: ${DEFAULT-VALUE}.")
    Path planDir;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "/work",
            description = "Scratch space for the staged suite and the run's workspace. Default: ${DEFAULT-VALUE}.")
    Path work;

    @Option(names = "--sessions", paramLabel = "DIR",
            description = "Keep the session log here (a shared volume). Default: print it to the log, each line "
                    + "prefixed '" + SESSION_PREFIX + "'.")
    Path sessions;

    @Option(names = "--termination-log", paramLabel = "FILE", defaultValue = "/dev/termination-log",
            description = "Where the kubelet reads the termination message. Default: ${DEFAULT-VALUE}.")
    Path terminationLog;

    @Override
    public Integer call() {
        int index = completionIndex();
        if (PlanFiles.stopped(planDir)) {
            out().println("the eval's cost limit was reached before this run started: nothing run, nothing recorded");
            return ExitCodes.OK;
        }
        RunPlan plan = PlanFiles.readPlan(planDir);
        Suite suite = Suite.read(PlanFiles.stage(planDir, work.resolve("suite")));
        PlannedRun run = plan.run(index, suite);
        // The pod is the sandbox: its image holds no bubblewrap, and needs none.
        Sandbox pod = Sandbox.of(SandboxMode.FULL);
        Path sessionsDir = sessions != null ? sessions : work.resolve("sessions");
        HarnessAgentRunner agent = new HarnessAgentRunner(harness(),
                TaskModels.of(harness(), suite, plan.agent().defaultModel(), plan.agent().baseUrlIfGiven(),
                        plan.agent().cacheTtl(), err()::println),
                plan.agent()::paramsFor, pod, config().mcpServers(), sessionsDir, new RunStops());
        RunRecord record = new LocalExecutor(agent, new Workspaces(false, environment()), work.resolve("runs"),
                plan.agent().defaultModel(), environment(), pod).execute(run);
        if (sessions == null) {
            printSessionLogs(sessionsDir);
        }
        String line = compact(record);
        writeTerminationMessage(line);
        out().println(line);
        return ExitCodes.OK;
    }

    private int completionIndex() {
        String index = environment().get("JOB_COMPLETION_INDEX");
        if (index == null) {
            throw new InputException("JOB_COMPLETION_INDEX is not set: eval-run runs in a pod of the Indexed Job that"
                    + " 'cachet eval --executor kubernetes' submits");
        }
        try {
            return Integer.parseInt(index.strip());
        } catch (NumberFormatException e) {
            throw new InputException("JOB_COMPLETION_INDEX=" + index + ": not an index");
        }
    }

    /**
     * One line, within the termination message's 4 KiB: only a failed check's output (a tail of at most 2000
     * characters) and the error (one line of at most 400) can be long, so they give way, the check's output first,
     * from its head, as its verdict is at its end.
     */
    static String compact(RunRecord record) {
        String line = json(record);
        int over = bytes(line) - MESSAGE_LIMIT;
        if (over > 0 && record.checkOutput() != null) {
            String output = record.checkOutput();
            record = record.withCheckOutput("…" + RunRecord.wholeFrom(output, cut(output, over + 3)));
            line = json(record);
            over = bytes(line) - MESSAGE_LIMIT;
        }
        if (over > 0 && record.error() != null) {
            String error = record.error();
            int to = cut(error, error.length() - over - 3);
            // A high surrogate last would be half a character.
            to -= to > 0 && Character.isHighSurrogate(error.charAt(to - 1)) ? 1 : 0;
            line = json(record.withError(error.substring(0, to) + "…"));
        }
        return line;
    }

    private static int bytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length;
    }

    /** {@code at} within {@code text}. Each character cut frees at least a byte; the ellipsis takes three. */
    private static int cut(String text, int at) {
        return Math.max(0, Math.min(text.length(), at));
    }

    private static String json(RunRecord record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a run record always serialises", e);
        }
    }

    private void writeTerminationMessage(String line) {
        try {
            Files.writeString(terminationLog, line);
        } catch (IOException e) {
            // The log's last line still carries it (FallbackToLogsOnError reads it only on failure, so say so).
            err().println("cachet: cannot write the termination message " + terminationLog + ": " + e.getMessage());
        }
    }

    /** The session log, line by line, before the record: {@code kubectl logs POD | sed -n 's/^session //p'}. */
    private void printSessionLogs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> logs = files.filter(Files::isRegularFile).sorted().toList();
            for (Path log : logs) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> out().println(SESSION_PREFIX + line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the session logs in " + dir, e);
        }
    }
}
