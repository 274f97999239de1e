package dev.cachet.evals.report;

import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Series;
import dev.cachet.evals.report.SvgChart.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The charts of one trace: how each strategy's cost, window and cache hits grow turn by turn. */
final class ReplayCharts {
    private static final Axis TURN = new Axis("turn", Unit.COUNT);

    private static final List<Chart> CHARTS = List.of(
            new Chart("Cumulative cost", new Axis("USD", Unit.USD), ReplayCharts::cumulativeCost),
            new Chart("Window size", new Axis("tokens", Unit.COUNT), run -> perTurn(run, ReplayTurn::windowTokens)),
            new Chart("Cache hit rate", new Axis("cache reads / input", Unit.PERCENT),
                    run -> perTurn(run, ReplayCharts::cacheHitRate)));

    private ReplayCharts() {}

    private record Chart(String title, Axis y, Function<ReplayRun, List<Point>> points) {}

    /**
     * One SVG per chart for the runs of one trace.
     *
     * @param strategies every strategy of the report, in its order: a strategy keeps its colour in every chart,
     *                   even where a trace was not replayed with it
     */
    static List<String> of(List<ReplayRun> traceRuns, List<String> strategies) {
        return CHARTS.stream().map(chart -> SvgChart.line(chart.title(), TURN, chart.y(), strategies.stream()
                .map(strategy -> new Series(strategy, traceRuns.stream()
                        .filter(run -> run.strategy().equals(strategy))
                        .findFirst().map(chart.points()).orElse(List.of())))
                .toList())).toList();
    }

    private static List<Point> cumulativeCost(ReplayRun run) {
        List<Point> points = new ArrayList<>(run.turns().size());
        double total = 0;
        for (ReplayTurn turn : run.turns()) {
            total += turn.costUsd();
            points.add(new Point(turn.turn(), total));
        }
        return points;
    }

    private static List<Point> perTurn(ReplayRun run, ToDoubleFunction<ReplayTurn> value) {
        return run.turns().stream().map(turn -> new Point(turn.turn(), value.applyAsDouble(turn))).toList();
    }

    /** NaN, so left out of the chart, for a turn that read no input: it has no rate. */
    private static double cacheHitRate(ReplayTurn turn) {
        long input = turn.usage().input();
        return input == 0 ? Double.NaN : (double) turn.usage().cacheRead() / input;
    }
}
