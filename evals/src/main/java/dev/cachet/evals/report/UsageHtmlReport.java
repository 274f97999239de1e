package dev.cachet.evals.report;

import dev.cachet.evals.report.SvgChart.Axis;
import dev.cachet.evals.report.SvgChart.Point;
import dev.cachet.evals.report.SvgChart.Series;
import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.ModelUsage;
import dev.cachet.evals.stats.SessionStats;
import dev.cachet.evals.stats.report.PeriodReport;
import dev.cachet.evals.stats.report.PeriodUsage;
import dev.cachet.evals.trace.TrajectoryTurn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage as one self-contained HTML page: the cost of each day by model, the cache hit rate by day, the context growth
 * of the largest sessions, then the daily and session tables.
 */
public final class UsageHtmlReport {
    /** More lines than this make the growth chart unreadable. */
    static final int LARGEST_SESSIONS = 5;

    private UsageHtmlReport() {}

    /**
     * @param daily    the calls by day, models broken down
     * @param calls    every call counted, for the sessions' context growth
     * @param sessions the sessions they belong to
     */
    public static String render(PeriodReport daily, List<Call> calls, List<SessionStats> sessions) {
        StringBuilder html = Html.page("cachet stats");
        html.append("<h1>cachet stats</h1>\n<p class=\"model\">")
                .append(Xml.escape(daily.periods().isEmpty() ? "no dated calls" : daily.periods().get(0).period()
                        + " to " + daily.periods().get(daily.periods().size() - 1).period()))
                .append(", ").append(sessions.size()).append(" sessions, ")
                .append(UsageTables.cost(daily.total().costUsd(), daily.total().complete())).append("</p>\n");
        html.append("<div class=\"charts\">\n")
                .append(costByModel(daily)).append('\n')
                .append(cacheHits(daily)).append('\n')
                .append(contextGrowth(calls, sessions)).append('\n')
                .append("</div>\n");
        html.append("<h2>By day</h2>\n");
        Html.table(html, "daily", UsageTables.periods(daily, true));
        html.append("<h2>By session</h2>\n");
        Html.table(html, "sessions", StatsTables.sessions(sessions));
        return Html.end(html);
    }

    private static Axis days(PeriodReport daily) {
        return new Axis(daily.periods().isEmpty() ? "day" : "day (1 = " + daily.periods().get(0).period() + ")",
                SvgChart.Unit.COUNT);
    }

    /** One line per model: what its calls of each day cost. */
    static String costByModel(PeriodReport daily) {
        Set<String> models = new LinkedHashSet<>();
        daily.periods().forEach(day -> day.models().forEach(model -> models.add(model.model())));
        List<Series> series = new ArrayList<>();
        for (String model : models) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < daily.periods().size(); i++) {
                PeriodUsage day = daily.periods().get(i);
                double cost = day.models().stream().filter(m -> m.model().equals(model) && m.costUsd() != null)
                        .mapToDouble(ModelUsage::costUsd).sum();
                points.add(new Point(i + 1, cost));
            }
            series.add(new Series(model, points));
        }
        return SvgChart.line("Cost per day by model", days(daily), new Axis("cost", SvgChart.Unit.USD), series);
    }

    /** Cache reads over all input, day by day. */
    static String cacheHits(PeriodReport daily) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < daily.periods().size(); i++) {
            points.add(new Point(i + 1, daily.periods().get(i).cacheHitRate()));
        }
        return SvgChart.line("Cache hit rate per day", days(daily), new Axis("cache hit", SvgChart.Unit.PERCENT),
                List.of(new Series("all sessions", points)));
    }

    /**
     * The input each call of the session's own agent sent, for the sessions that billed the most tokens: the calls
     * are gone through twice (to find those sessions, then to take their calls), not held by session.
     */
    static String contextGrowth(List<Call> calls, List<SessionStats> sessions) {
        Map<String, Long> tokens = new LinkedHashMap<>();
        calls.stream().filter(UsageHtmlReport::ownWithUsage)
                .forEach(call -> tokens.merge(call.session(), call.usage().orElseThrow().total(), Long::sum));
        Map<String, List<Point>> largest = new LinkedHashMap<>();
        tokens.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, Long> entry) -> -entry.getValue()))
                .limit(LARGEST_SESSIONS).forEach(entry -> largest.put(entry.getKey(), new ArrayList<>()));
        calls.stream().filter(UsageHtmlReport::ownWithUsage).forEach(call -> {
            List<Point> points = largest.get(call.session());
            if (points != null) {
                points.add(new Point(points.size() + 1, call.usage().orElseThrow().input()));
            }
        });
        List<Series> series = largest.entrySet().stream()
                .map(entry -> new Series(Formats.keepEnd(entry.getKey(), 24), entry.getValue())).toList();
        return SvgChart.line("Context growth of the largest sessions", new Axis("call", SvgChart.Unit.COUNT),
                new Axis("input tokens", SvgChart.Unit.COUNT), series);
    }

    private static boolean ownWithUsage(Call call) {
        return call.agent().equals(TrajectoryTurn.MAIN) && call.usage().isPresent();
    }
}
