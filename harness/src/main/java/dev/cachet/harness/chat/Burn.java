package dev.cachet.harness.chat;

import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chat's burn rate: what each model request cost and used since the chat took the session on, for {@code /cost}
 * and {@code /context}: tokens and cost per turn, the cache hit rate of the last turns, dollars per hour. Keep-alive
 * pings are no turns, but money spent: they count in the dollars an hour.
 */
public final class Burn implements SessionListener {
    static final int RECENT = 5;

    private final Clock clock;
    private final Instant since;
    private final List<SessionEvent.ModelResponded> answers = new ArrayList<>();
    private double pingsUsd;

    public Burn(Clock clock) {
        this.clock = clock;
        this.since = clock.instant();
    }

    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.ModelResponded answer && answer.usage() != null) {
            answers.add(answer);
        } else if (event instanceof SessionEvent.Pinged ping) {
            pingsUsd += ping.costUsd();
        }
    }

    /** The last request's answer, with what it read from the cache and wrote to it. */
    public Optional<SessionEvent.ModelResponded> last() {
        return answers.isEmpty() ? Optional.empty() : Optional.of(answers.get(answers.size() - 1));
    }

    public int turns() {
        return answers.size();
    }

    public double costPerTurn() {
        return answers.isEmpty() ? 0 : answers.stream().mapToDouble(SessionEvent.ModelResponded::costUsd).sum() / answers.size();
    }

    public double tokensPerTurn() {
        return answers.isEmpty() ? 0 : (double) answers.stream().mapToLong(a -> a.usage().total()).sum() / answers.size();
    }

    /** Cache reads over input, over the last {@value #RECENT} turns. */
    public double recentHitRate() {
        Usage recent = answers.subList(Math.max(0, answers.size() - RECENT), answers.size()).stream()
                .map(SessionEvent.ModelResponded::usage).reduce(Usage.ZERO, Usage::plus);
        return recent.input() == 0 ? 0 : (double) recent.cacheRead() / recent.input();
    }

    /** Dollars an hour since the chat took the session on; empty within its first minute, too short to say. */
    public Optional<Double> dollarsPerHour() {
        Duration elapsed = Duration.between(since, clock.instant());
        if (elapsed.compareTo(Duration.ofMinutes(1)) < 0) {
            return Optional.empty();
        }
        double cost = answers.stream().mapToDouble(SessionEvent.ModelResponded::costUsd).sum() + pingsUsd;
        return Optional.of(cost * 3600_000.0 / elapsed.toMillis());
    }
}
