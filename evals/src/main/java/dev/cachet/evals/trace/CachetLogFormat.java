package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.providers.session.LoggedEvent;
import dev.cachet.providers.session.ModelChoice;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionLogException;
import dev.cachet.providers.session.SessionLogReader;
import dev.cachet.tools.ToolBox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** cachet's own session log (JSONL, one event per line, named by {@code type}), read by the one session-log reader. */
public final class CachetLogFormat implements TraceFormat {
    // A torn last line is what a killed session leaves; the trajectory is whole without it.
    private static final SessionLogReader READER = new SessionLogReader(warning -> { })
            .only(SessionEvent.Started.class, SessionEvent.ModelResponded.class, SessionEvent.ToolReturned.class,
                    SessionEvent.UserSaid.class, SessionEvent.Pinged.class, SessionEvent.SummaryResponded.class);

    @Override
    public String label() {
        return "cachet";
    }

    @Override
    public String expected() {
        return "a cachet session log (JSONL of events with a \"type\" such as \"session_start\" or \"model_response\")";
    }

    @Override
    public boolean recognises(Path file, FileHead head) {
        JsonHead first = head.json();
        return !first.list() && SessionEvent.TYPES.contains(first.text("type"));
    }

    @Override
    public List<Trajectory> read(Path file) {
        return List.of(trajectory(file));
    }

    /** The session's trajectory summarised, with its pings and summaries: billed, but no turns of it. */
    @Override
    public List<TraceSummary> summaries(Path file, TokenCounter counter) {
        Trajectory trajectory = trajectory(file);
        return List.of(TraceSummary.of(trajectory, counter).withSideCalls(trajectory.sideCalls()));
    }

    private Trajectory trajectory(Path file) {
        Optional<SessionEvent.Started> start = Optional.empty();
        TurnBuilder turns = new TurnBuilder();
        List<SideCall> sideCalls = new ArrayList<>();
        List<LoggedEvent> events = events(file);
        if (events.isEmpty()) {
            throw new TraceFormatException(file + ": empty: no events; expected " + expected());
        }
        for (LoggedEvent logged : events) {
            // Windows, compactions, task state and the rest record how cachet ran, not what the model did.
            if (logged.event() instanceof SessionEvent.Started started) {
                start = Optional.of(started);
            } else if (logged.event() instanceof SessionEvent.ModelResponded answer) {
                turn(turns, logged, answer, start.map(SessionEvent.Started::sessionId));
            } else if (logged.event() instanceof SessionEvent.UserSaid said) {
                turns.user(said.text());
            } else if (logged.event() instanceof SessionEvent.Pinged ping) {
                sideCalls.add(new SideCall(SideCall.Kind.PING, turns.size(), logged.time(), Optional.ofNullable(ping.usage())));
            } else if (logged.event() instanceof SessionEvent.SummaryResponded summary) {
                sideCalls.add(new SideCall(SideCall.Kind.SUMMARY, turns.size(), logged.time(),
                        Optional.ofNullable(summary.usage())));
            } else if (logged.event() instanceof SessionEvent.ToolReturned returned) {
                if (turns.isEmpty()) {
                    throw new TraceFormatException(file + ":" + logged.line() + ": tool_result before any model_response");
                }
                turns.result(returned.result().callId(), returned.result().content(), returned.result().error());
            }
        }
        if (turns.isEmpty()) {
            throw new NoCallsException(file + ": no \"model_response\" events; expected " + expected());
        }
        return new Trajectory(file.getFileName().toString(), label(),
                start.map(SessionEvent.Started::model).filter(model -> !model.isEmpty()),
                start.map(SessionEvent.Started::systemPrompt).orElse(""), start.map(SessionEvent.Started::task).orElse(""),
                start.map(started -> tools(started.tools())).orElse(List.of()), turns.build(),
                start.map(SessionEvent.Started::modelChoice).map(ModelChoice::cacheTtl)).withSideCalls(sideCalls);
    }

    private static List<LoggedEvent> events(Path file) {
        try {
            return READER.read(file);
        } catch (SessionLogException e) {
            throw new TraceFormatException(e.getMessage());
        }
    }

    private static void turn(TurnBuilder turns, LoggedEvent logged, SessionEvent.ModelResponded answer,
            Optional<String> session) {
        // The line is written when the response has arrived; the call was made latency_ms before.
        Optional<Instant> at = logged.time().map(time -> time.minusMillis(answer.latencyMs()));
        TurnBuilder.Turn turn = turns.open(at).text(answer.message().text());
        // Known over all the logs read by its session and the time its answer was logged: a copy of the log (a backup,
        // a workspace's old sessions directory) bills it once.
        session.filter(id -> !id.isEmpty()).ifPresent(id -> logged.time()
                .ifPresent(time -> turn.callId("cachet:" + id + "@" + time)));
        Optional.ofNullable(answer.usage()).ifPresent(turn::usage);
        answer.message().toolCalls().forEach(turn::call);
    }

    /**
     * Logs record each tool's schema. Older ones named the tools only, when the harness always offered the core tool
     * box, so those names get this build's schemas; a name outside it leaves the schemas unknown, since a partial
     * list would under-count the tools' tokens.
     */
    private static List<ToolSpec> tools(List<ToolSpec> logged) {
        Map<String, ToolSpec> core = ToolBox.core().specs().stream()
                .collect(Collectors.toMap(ToolSpec::name, Function.identity()));
        List<ToolSpec> specs = new ArrayList<>();
        for (ToolSpec tool : logged == null ? List.<ToolSpec>of() : logged) {
            ToolSpec spec = tool.nameOnly() ? core.get(tool.name()) : tool;
            if (spec == null) {
                return List.of();
            }
            specs.add(spec);
        }
        return specs;
    }
}
