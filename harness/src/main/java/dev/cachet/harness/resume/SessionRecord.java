package dev.cachet.harness.resume;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.harness.InputException;
import dev.cachet.harness.loop.Pings;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogReader;
import dev.cachet.tools.ToolBox;
import dev.cachet.tools.catalog.ToolCatalog;
import dev.cachet.tools.catalog.ToolLoading;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A session as its log tells it: how it started, every event since, and what follows from them. */
public record SessionRecord(Path log, SessionEvent.Started start, List<LoggedEvent> events) {
    public SessionRecord {
        events = List.copyOf(events);
    }

    /** @param warnings told about lines the reader dropped, such as the torn last line a killed writer leaves */
    public static SessionRecord read(Path log, Consumer<String> warnings) {
        List<LoggedEvent> events = new SessionLogReader(warnings).read(log);
        if (events.isEmpty() || !(events.get(0).event() instanceof SessionEvent.Started start)) {
            throw new InputException(log + ": not a session cachet can resume: its first event is not a session_start");
        }
        return new SessionRecord(log, start, events);
    }

    public String id() {
        return start.sessionId();
    }

    /** The settings the session ran with last. */
    public Settings settings() {
        Settings settings = new Settings(Optional.ofNullable(start.modelChoice()), start.strategy(),
                start.strategyParams(), start.limits());
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof SessionEvent.Resumed resumed) {
                settings = new Settings(Optional.ofNullable(resumed.modelChoice()), resumed.strategy(),
                        resumed.strategyParams(), resumed.limits());
            } else if (logged.event() instanceof SessionEvent.StrategyChanged changed) {
                settings = new Settings(settings.model(), changed.strategy(), changed.strategyParams(), settings.limits());
            }
        }
        return settings;
    }

    /**
     * The tools array the session started with, which a resume sends unchanged; early logs named their tools only,
     * and those get the schemas {@code offered} has for them.
     */
    public List<ToolSpec> tools(ToolBox offered) {
        Map<String, ToolSpec> schemas = offered.specs().stream().collect(Collectors.toMap(ToolSpec::name, spec -> spec));
        return start.tools().stream().map(tool -> tool.nameOnly() ? schemas.getOrDefault(tool.name(), tool) : tool).toList();
    }

    /** How the session offered MCP tools, as its tools array shows: eager if the array holds any of them. */
    public ToolLoading toolLoading() {
        ToolBox core = ToolBox.core();
        Set<String> meta = Set.of(ToolCatalog.SEARCH_TOOL, ToolCatalog.CALL_TOOL);
        return start.tools().stream().anyMatch(tool -> !core.has(tool.name()) && !meta.contains(tool.name()))
                ? ToolLoading.EAGER : ToolLoading.DEFERRED;
    }

    /** Whether the strategy changed under way, so that no one strategy rendered all of its windows. */
    public boolean strategyChanged() {
        return events.stream().anyMatch(logged -> logged.event() instanceof SessionEvent.StrategyChanged);
    }

    /** The turns the model answered. */
    public int turns() {
        return events.stream().map(LoggedEvent::event).filter(SessionEvent.ModelResponded.class::isInstance)
                .mapToInt(event -> ((SessionEvent.ModelResponded) event).turn()).max().orElse(0);
    }

    /** Every request's usage the provider reported: the agent's turns, the strategy's summaries, keep-alive pings. */
    public Usage usage() {
        Usage sum = Usage.ZERO;
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof SessionEvent.ModelResponded answer && answer.usage() != null) {
                sum = sum.plus(answer.usage());
            } else if (logged.event() instanceof SessionEvent.SummaryResponded summary && summary.usage() != null) {
                sum = sum.plus(summary.usage());
            } else if (logged.event() instanceof SessionEvent.Pinged ping && ping.usage() != null) {
                sum = sum.plus(ping.usage());
            }
        }
        return sum;
    }

    public double costUsd() {
        double sum = 0;
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof SessionEvent.ModelResponded answer) {
                sum += answer.costUsd();
            } else if (logged.event() instanceof SessionEvent.SummaryResponded summary) {
                sum += summary.costUsd();
            } else if (logged.event() instanceof SessionEvent.Pinged ping) {
                sum += ping.costUsd();
            }
        }
        return sum;
    }

    /** The keep-alive pings the session sent, part of {@link #usage()} and {@link #costUsd()}. */
    public Pings pings() {
        Pings pings = Pings.NONE;
        for (LoggedEvent logged : events) {
            if (logged.event() instanceof SessionEvent.Pinged ping) {
                pings = pings.plus(ping.costUsd());
            }
        }
        return pings;
    }

    /** The summaries a summarizing strategy had the model write, in order. */
    public List<String> summaries() {
        return events.stream().map(LoggedEvent::event).filter(SessionEvent.SummaryResponded.class::isInstance)
                .map(event -> ((SessionEvent.SummaryResponded) event).summary()).filter(Objects::nonNull).toList();
    }

    /** How the session ended; empty when its log ends without a stop, as a killed or a running session's does. */
    public Optional<SessionEvent.Stopped> stop() {
        SessionEvent last = events.get(events.size() - 1).event();
        return last instanceof SessionEvent.Stopped stopped ? Optional.of(stopped) : Optional.empty();
    }

    /** When the session last wrote to its log, where the writer stamped its events. */
    public Optional<Instant> lastActive() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).time().isPresent()) {
                return events.get(i).time();
            }
        }
        return Optional.empty();
    }
}
