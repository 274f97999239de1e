package dev.cachet.evals.report;

import static dev.cachet.evals.report.Table.Column.number;
import static dev.cachet.evals.report.Table.Column.text;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.EvalSummary.StrategySummary;
import dev.cachet.evals.matrix.EvalSummary.TaskSummary;
import dev.cachet.evals.matrix.Interval;
import dev.cachet.evals.matrix.RunRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/** The tables of an eval report, the same in every format. */
final class EvalTables {
    private EvalTables() {}

    static Table summary(EvalSummary summary) {
        return Table.of(summary.strategies(),
                text("Strategy", StrategySummary::strategy),
                number("Runs", s -> Formats.count(s.runs())),
                number("Solved", s -> Formats.count(s.solved())),
                number("Solve rate", s -> withInterval(s.solveRate(), s.solveRateInterval(), Formats::percent)),
                number("Mean cost", s -> withInterval(s.meanCostUsd(), s.meanCostInterval(), Formats::usd)),
                number("Median cost", s -> Formats.usd(s.medianCostUsd())),
                number("Cost per solved", s -> s.costPerSolvedUsd() == null ? "n/a"
                        : Formats.usd(s.costPerSolvedUsd())),
                number("Mean turns", s -> Formats.decimal(s.meanTurns())),
                number("Cache hit rate", s -> Formats.percent(s.cacheHitRate())),
                number("Errors", s -> Formats.count(s.errors())));
    }

    /** Tasks down, strategies across; each cell "solved/runs mean-cost". */
    static Table tasks(EvalSummary summary) {
        List<String> tasks = summary.tasks().stream().map(TaskSummary::task).distinct().toList();
        List<Table.Column<String>> columns = new ArrayList<>();
        columns.add(text("Task", task -> task));
        for (StrategySummary strategy : summary.strategies()) {
            columns.add(number(strategy.strategy(), task -> summary.tasks().stream()
                    .filter(t -> t.task().equals(task) && t.strategy().equals(strategy.strategy()))
                    .findFirst()
                    .map(t -> t.solved() + "/" + t.runs() + " " + Formats.usd(t.meanCostUsd()))
                    .orElse("–")));
        }
        return Table.of(tasks, columns);
    }

    static Table runs(List<RunRecord> records) {
        return Table.of(records,
                text("Task", RunRecord::task),
                text("Strategy", RunRecord::strategy),
                number("Repeat", r -> Formats.count(r.repeat())),
                text("Solved", r -> r.solved() ? "yes" : "no"),
                number("Turns", r -> Formats.count(r.turns())),
                number("Input tokens", r -> Formats.count(r.inputTokens())),
                number("Cache reads", r -> Formats.count(r.cacheReadTokens())),
                number("Output tokens", r -> Formats.count(r.outputTokens())),
                number("Cost", r -> Formats.usd(r.costUsd())),
                number("Cache hit rate", r -> Formats.percent(r.cacheHitRate())),
                number("Peak window", r -> Formats.count(r.peakWindowTokens())),
                number("Wall time", r -> Formats.seconds(r.wallMs())),
                text("Stop reason", RunRecord::stopReason),
                text("Error", r -> Objects.requireNonNullElse(r.error(), "")));
    }

    static Table failures(List<RunRecord> failed) {
        return Table.of(failed,
                text("Task", RunRecord::task),
                text("Strategy", RunRecord::strategy),
                number("Repeat", r -> Formats.count(r.repeat())),
                text("Error", RunRecord::error));
    }

    static List<RunRecord> failed(List<RunRecord> records) {
        return records.stream().filter(r -> r.error() != null).toList();
    }

    /** The models the runs used, for the report's header. */
    static String models(List<RunRecord> records) {
        return String.join(", ", records.stream().map(RunRecord::model).distinct().toList());
    }

    private static String withInterval(double value, Interval interval, DoubleFunction<String> format) {
        String point = format.apply(value);
        return interval == null ? point
                : point + " [" + format.apply(interval.low()) + ", " + format.apply(interval.high()) + "]";
    }
}
