package dev.cachet.evals.report;

import dev.cachet.evals.replay.CacheMiss;
import dev.cachet.evals.replay.CallCache;
import dev.cachet.evals.replay.CounterfactualReplay;
import dev.cachet.evals.replay.ReplayRun;
import dev.cachet.evals.replay.ReplayTurn;
import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.Mark;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Series;
import dev.cachet.evals.report.SvgChart.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * The charts of one trace: how each strategy's cost, window and cache hits go call by call, beside the recorded
 * bill where the trace has one.
 */
final class ReplayCharts {
    private static final Axis CALL = new Axis("call", Unit.COUNT);
    /** What the marks of the cost chart say, by kind: the calls where spikes come from, and the pings that cost. */
    private static final List<String> MARKS = List.of("cold call (cache expired)", "compaction", "keep-alive pings");
    /** Enough calls to smooth a long session's swings from call to call into a trend, few enough to show a dip. */
    private static final int ROLLING_CALLS = 10;

    private static final List<Chart> CHARTS = List.of(
            new Chart("Input cost per call", new Axis("USD", Unit.USD), run -> perCall(run, ReplayTurn::inputCostUsd),
                    true),
            new Chart("Cumulative cost", new Axis("USD", Unit.USD), ReplayCharts::cumulativeCost, false),
            new Chart("Window size", new Axis("tokens", Unit.COUNT), run -> perCall(run, ReplayTurn::windowTokens),
                    false),
            new Chart("Cache hit rate over the last " + ROLLING_CALLS + " calls",
                    new Axis("cache reads / input", Unit.PERCENT), ReplayCharts::rollingHitRate, false));

    private ReplayCharts() {}

    /**
     * @param marksCache whether the calls where the cache expired, the context was compacted or pings kept the cache
     *                   warm are marked: where spikes come from
     */
    private record Chart(String title, Axis y, Function<ReplayRun, List<Point>> points, boolean marksCache) {
        /** The named run's series; empty, keeping its place in the legend, where the trace has no such run. */
        Series series(String name, List<ReplayRun> runs, boolean baseline) {
            return runs.stream().filter(run -> run.strategy().equals(name)).findFirst()
                    .map(run -> drawn(run, baseline)).orElseGet(() -> new Series(name, List.of(), List.of(), baseline));
        }

        /** The points come one per call, in order. */
        private Series drawn(ReplayRun run, boolean baseline) {
            List<Point> line = points.apply(run);
            List<Mark> marked = marksCache ? IntStream.range(0, line.size())
                    .boxed().flatMap(i -> marks(run.turns().get(i), line.get(i)).stream()).toList() : List.of();
            return new Series(run.strategy(), line, marked, baseline);
        }
    }

    /**
     * One SVG per chart for the runs of one trace.
     *
     * @param strategies every strategy of the report, in its order: a strategy keeps its colour in every chart,
     *                   even where a trace was not replayed with it; the recorded bill, where the trace has one,
     *                   comes last, drawn as the baseline
     */
    static List<String> of(List<ReplayRun> traceRuns, List<String> strategies) {
        boolean billed = traceRuns.stream().anyMatch(run -> run.strategy().equals(CounterfactualReplay.RECORDED));
        return CHARTS.stream().map(chart -> {
            List<Series> series = new ArrayList<>();
            strategies.forEach(strategy -> series.add(chart.series(strategy, traceRuns, false)));
            if (billed) {
                series.add(chart.series(CounterfactualReplay.RECORDED, traceRuns, true));
            }
            return SvgChart.line(chart.title(), CALL, chart.y(), series, MARKS);
        }).toList();
    }

    /** A mark for each thing that happened to the cache at a call, saying what. */
    private static List<Mark> marks(ReplayTurn turn, Point point) {
        CallCache cache = turn.cache();
        List<Mark> marks = new ArrayList<>();
        String call = "call " + turn.turn() + ": ";
        if (cache.cold()) {
            marks.add(new Mark(point, 0, call + cache.miss().filter(miss -> miss.cause() == CacheMiss.Cause.EXPIRED)
                    .map(CacheMiss::detail).orElse("the cache had expired")));
        }
        // The strategy's compaction, or the original harness's, which its bill and the transcript meet.
        Optional<CacheMiss> restart = cache.miss().filter(miss -> miss.cause() == CacheMiss.Cause.COMPACTION);
        if (cache.compacted() || restart.isPresent()) {
            marks.add(new Mark(point, 1, call + restart.map(CacheMiss::detail).orElse("compaction")));
        }
        if (cache.pings() > 0) {
            marks.add(new Mark(point, 2, call + cache.pings() + " keep-alive ping" + (cache.pings() == 1 ? "" : "s")
                    + " before it, " + Formats.usd(cache.pingCostUsd())));
        }
        return marks;
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

    private static List<Point> perCall(ReplayRun run, ToDoubleFunction<ReplayTurn> value) {
        return run.turns().stream().map(turn -> new Point(turn.turn(), value.applyAsDouble(turn))).toList();
    }

    /**
     * The share of input read from the cache over each call and the {@value #ROLLING_CALLS} - 1 before it (fewer at
     * the start), weighted by tokens: a rate per call swings between 0 and 100% and tangles a long session's lines.
     * NaN, so left out of the chart, where those calls read no input at all.
     */
    private static List<Point> rollingHitRate(ReplayRun run) {
        List<ReplayTurn> turns = run.turns();
        List<Point> points = new ArrayList<>(turns.size());
        long input = 0;
        long read = 0;
        for (int i = 0; i < turns.size(); i++) {
            input += turns.get(i).usage().input();
            read += turns.get(i).usage().cacheRead();
            if (i >= ROLLING_CALLS) {
                input -= turns.get(i - ROLLING_CALLS).usage().input();
                read -= turns.get(i - ROLLING_CALLS).usage().cacheRead();
            }
            points.add(new Point(turns.get(i).turn(), input == 0 ? Double.NaN : (double) read / input));
        }
        return points;
    }
}
