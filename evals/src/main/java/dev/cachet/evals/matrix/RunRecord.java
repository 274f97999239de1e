package dev.cachet.evals.matrix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.cachet.providers.session.StopReason;
import java.time.Duration;
import java.util.Objects;

/**
 * One finished run, as one line of results.jsonl. Field names are part of the file format; do not rename them.
 *
 * @param commit the sha the workspace was checked out at; null when the workspace could not be prepared
 * @param error  why the run failed to produce a trustworthy result (workspace, agent, check or clean-up), on one
 *               line; null when nothing failed. An errored run is never solved.
 * @param plan   whether the agent planned first, in a turn without tools; lines written before this field read as
 *               false
 * @param checkOutput the last {@value #CHECK_OUTPUT_CHARS} characters at most of what a check that did not pass
 *               printed (stdout and stderr), so the user can see why; null when it passed or never ran, and on lines
 *               written before this field
 */
public record RunRecord(
        String task,
        String strategy,
        int repeat,
        boolean solved,
        int turns,
        long uncachedInputTokens,
        long cacheWriteTokens,
        long cacheReadTokens,
        long outputTokens,
        double costUsd,
        double cacheHitRate,
        int peakWindowTokens,
        long wallMs,
        String stopReason,
        String commit,
        String error,
        String model,
        boolean plan,
        String checkOutput) {
    /** The plan field's name in results.jsonl. */
    static final String PLAN = "plan";
    /** The check_output field's name in results.jsonl. */
    static final String CHECK_OUTPUT = "check_output";
    /** How much of a failed check's output a record keeps: its tail, where test runners print their verdict. */
    public static final int CHECK_OUTPUT_CHARS = 2_000;

    public RunRecord {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(stopReason, "stop_reason");
        Objects.requireNonNull(model, "model");
    }

    static RunRecord of(PlannedRun run, String model, String commit, AgentResult agent, boolean solved,
            Duration wall, String error, String checkOutput) {
        long read = agent.usage().cacheRead();
        long input = agent.usage().input();
        return new RunRecord(run.task().id(), run.strategy(), run.repeat(), solved && error == null, agent.turns(),
                agent.usage().uncachedInput(), agent.usage().cacheWrite(), read, agent.usage().output(),
                agent.costUsd(), input == 0 ? 0 : (double) read / input, agent.peakWindowTokens(), wall.toMillis(),
                agent.stopReason(), commit, error, model, run.plan(), tail(checkOutput));
    }

    /** This record with another error, for a copy that must be shorter. */
    public RunRecord withError(String error) {
        return new RunRecord(task, strategy, repeat, solved, turns, uncachedInputTokens, cacheWriteTokens,
                cacheReadTokens, outputTokens, costUsd, cacheHitRate, peakWindowTokens, wallMs, stopReason, commit,
                error, model, plan, checkOutput);
    }

    /** This record with another check output, for a copy that must be shorter. */
    public RunRecord withCheckOutput(String checkOutput) {
        return new RunRecord(task, strategy, repeat, solved, turns, uncachedInputTokens, cacheWriteTokens,
                cacheReadTokens, outputTokens, costUsd, cacheHitRate, peakWindowTokens, wallMs, stopReason, commit,
                error, model, plan, checkOutput);
    }

    private static String tail(String output) {
        if (output == null) {
            return null;
        }
        String trimmed = output.strip();
        return wholeFrom(trimmed, Math.max(0, trimmed.length() - CHECK_OUTPUT_CHARS));
    }

    /** {@code text} from {@code from} on, or from the char after it where a low surrogate there is half a character. */
    public static String wholeFrom(String text, int from) {
        return text.substring(from < text.length() && Character.isLowSurrogate(text.charAt(from)) ? from + 1 : from);
    }

    @JsonIgnore
    public String key() {
        return PlannedRun.key(task, strategy, plan, repeat);
    }

    /** What the run compares as in reports: its strategy, and "+plan" where the agent planned first. */
    @JsonIgnore
    public String arm() {
        return PlannedRun.arm(strategy, plan);
    }

    /** Whether Ctrl-C or SIGTERM stopped the run: not a finished run, so it is not recorded and --resume runs it. */
    @JsonIgnore
    public boolean interrupted() {
        return stopReason.equals(StopReason.INTERRUPTED.label());
    }

    /** Uncached input, cache writes and cache reads. */
    @JsonIgnore
    public long inputTokens() {
        return uncachedInputTokens + cacheWriteTokens + cacheReadTokens;
    }
}
