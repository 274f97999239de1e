package dev.cachet.evals.stats.status;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.SessionStatsCalculator;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one line {@code cachet statusline} prints: model, share of the context window the last call filled, session
 * cost (each call at its own model and cache-write TTL), cache hit rate, burn rate, and the health of the cache:
 * warm with the minutes it has left, or cold with what the next turn will pay to write the prefix again.
 */
public final class StatusLine {
    /** When neither Claude Code nor the model name says: the window of Claude models without the 1M beta. */
    static final long DEFAULT_WINDOW = 200_000;
    static final long MILLION_WINDOW = 1_000_000;
    static final String SEPARATOR = " | ";

    private StatusLine() {}

    public static String render(StatusInput input, List<Call> calls, Instant now, CallPricer pricer) {
        List<String> parts = new ArrayList<>();
        Optional<Call> last = calls.stream().filter(call -> call.at().isPresent() && call.agent().equals("main"))
                .max(Comparator.comparing(call -> call.at().orElseThrow()));
        parts.add(input.modelName().or(input::modelId).or(() -> last.flatMap(Call::model)).orElse("Claude"));
        Usage usage = CallPricer.usage(calls);
        last.flatMap(Call::usage).ifPresent(lastUsage -> parts.add(String.format(Locale.ROOT, "ctx %.0f%%",
                100.0 * lastUsage.input() / window(input))));
        Double cost = pricer.cost(calls);
        Optional.ofNullable(cost).or(input::sessionCostUsd).ifPresent(c -> parts.add(dollars(c)));
        if (usage.input() > 0) {
            parts.add(String.format(Locale.ROOT, "hit %.0f%%", 100.0 * usage.cacheRead() / usage.input()));
        }
        burn(calls, cost).ifPresent(perHour -> parts.add(dollars(perHour) + "/h"));
        last.flatMap(call -> cacheNote(call, calls, now, pricer)).ifPresent(parts::add);
        return String.join(SEPARATOR, parts);
    }

    private static long window(StatusInput input) {
        return input.contextWindow().orElse(input.modelId().filter(id -> id.contains("[1m]")).isPresent()
                ? MILLION_WINDOW : DEFAULT_WINDOW);
    }

    private static Optional<Double> burn(List<Call> calls, Double cost) {
        List<Instant> times = calls.stream().flatMap(call -> call.at().stream()).sorted().toList();
        if (cost == null || times.size() < 2) {
            return Optional.empty();
        }
        return Optional.ofNullable(SessionStatsCalculator.hours(times.get(0), times.get(times.size() - 1)))
                .map(hours -> cost / hours);
    }

    /**
     * The cache lives for the TTL its writes bought: an hour where the session wrote 1-hour entries, else five
     * minutes. Once cold, the next turn writes the whole prefix the last call sent again, at the write price.
     */
    static Optional<String> cacheNote(Call last, List<Call> calls, Instant now, CallPricer pricer) {
        boolean hour = calls.stream().flatMap(call -> call.usage().stream()).anyMatch(u -> u.cacheWrite1h() > 0);
        Duration ttl = hour ? Duration.ofHours(1) : Duration.ofMinutes(5);
        Duration idle = Duration.between(last.at().orElseThrow(), now);
        if (idle.compareTo(ttl) < 0) {
            return Optional.of("cache warm, " + minutes(ttl.minus(idle)) + " left");
        }
        long prefix = last.usage().map(Usage::input).orElse(0L);
        Optional<ModelPrice> price = pricer.price(last).map(p -> p.forPrompt(prefix));
        return Optional.of("cache cold for " + minutes(idle) + ": next turn re-writes " + tokens(prefix) + " tokens"
                + price.map(p -> ", ~" + dollars(prefix * (hour ? p.cacheWrite1h() : p.cacheWrite5m()) / 1e6)).orElse(""));
    }

    /** Minutes within the hour, hours within two days, days past that: as precise as a glance needs. */
    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes < 60 ? minutes + " min"
                : minutes < 48 * 60 ? String.format(Locale.ROOT, "%dh %02dm", minutes / 60, minutes % 60)
                : duration.toDays() + " days";
    }

    static String tokens(long count) {
        return count < 1_000 ? String.valueOf(count)
                : count < 1_000_000 ? Math.round(count / 1_000.0) + "K"
                : String.format(Locale.ROOT, "%.1fM", count / 1_000_000.0);
    }

    private static String dollars(double amount) {
        return String.format(Locale.ROOT, "$%.2f", amount);
    }
}
