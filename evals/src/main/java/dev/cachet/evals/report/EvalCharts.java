package dev.cachet.evals.report;

import dev.cachet.evals.matrix.EvalSummary;
import dev.cachet.evals.matrix.EvalSummary.StrategySummary;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.LabeledPoint;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Series;
import dev.cachet.evals.report.SvgChart.Unit;
import java.util.ArrayList;
import java.util.List;

/** The charts of an eval: what each strategy buys for its cost, and how its cost spreads over runs. */
final class EvalCharts {
    private static final Axis MEAN_COST = new Axis("mean cost per run (USD)", Unit.USD);
    private static final Axis RUN_COST = new Axis("cost of a run (USD)", Unit.USD);

    private EvalCharts() {}

    static List<String> of(List<RunRecord> records, EvalSummary summary) {
        return List.of(solveRateVsCost(summary), costDistribution(records, summary));
    }

    /** Up and to the left is better. */
    private static String solveRateVsCost(EvalSummary summary) {
        return SvgChart.scatter("Solve rate vs cost", MEAN_COST, new Axis("solve rate", Unit.PERCENT),
                summary.strategies().stream().map(s -> new LabeledPoint(s.strategy(),
                        new Point(s.meanCostUsd(), s.solveRate()))).toList());
    }

    /**
     * The share of a strategy's runs that cost at most x, as a step line per strategy: spread, outliers and medians
     * of any number of runs in one readable chart. Strategies come in the scatter's order, so colours match.
     */
    private static String costDistribution(List<RunRecord> records, EvalSummary summary) {
        List<Series> series = summary.strategies().stream().map(StrategySummary::strategy)
                .map(strategy -> new Series(strategy, steps(records.stream()
                        .filter(r -> r.arm().equals(strategy)).mapToDouble(RunRecord::costUsd).sorted()
                        .toArray())))
                .toList();
        return SvgChart.line("Cost distribution", RUN_COST, new Axis("runs costing at most this", Unit.PERCENT),
                series);
    }

    private static List<Point> steps(double[] sortedCosts) {
        List<Point> points = new ArrayList<>(2 * sortedCosts.length);
        for (int i = 0; i < sortedCosts.length; i++) {
            points.add(new Point(sortedCosts[i], (double) i / sortedCosts.length));
            points.add(new Point(sortedCosts[i], (double) (i + 1) / sortedCosts.length));
        }
        return points;
    }
}
