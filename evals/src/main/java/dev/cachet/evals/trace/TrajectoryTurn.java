package dev.cachet.evals.trace;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.Usage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One model call of a recorded session: any new user messages that came before it, what the model answered, and
 * what its tool calls returned. Harnesses without native tool calls (an action in the text) are given one call
 * named after what ran (for example {@code bash} with {@code {"command": ...}}), so every format looks alike.
 *
 * @param userMessages  user input that arrived after the previous turn (the first task prompt is not repeated here)
 * @param observations  results of {@code action}'s tool calls, in call order, each answering one call id
 * @param usage         what the provider billed for this call, in cachet's vocabulary, when the log records it
 * @param at            when the call was made, when the log records it
 * @param contextRestart whether the original harness started its context anew before this call (a compaction of its
 *                       own, such as Claude Code's compact summary): from here it sent only what came after
 * @param model         the model that answered this call, when the log names it: a session may switch models, and
 *                      each call is priced at its own
 * @param agent         whose call it was: {@link #MAIN} for the session's own agent, else the sub-agent's type as the
 *                      log names it (Claude Code's subagent_type, Codex's agent role), or {@code sidechain}/{@code
 *                      subagent} when it does not
 * @param callId        the provider's id of the call where the log keeps one (Claude Code: message id and request
 *                      id), by which a call copied into several logs (a resumed session's file repeats the old one's)
 *                      is counted once
 */
public record TrajectoryTurn(
        List<UserText> userMessages,
        AssistantTurn action,
        List<ToolResult> observations,
        Optional<Usage> usage,
        Optional<Instant> at,
        boolean contextRestart,
        Optional<String> model,
        String agent,
        Optional<String> callId) {

    /** The agent of a session's own calls, as opposed to its sub-agents'. */
    public static final String MAIN = "main";

    public TrajectoryTurn {
        userMessages = List.copyOf(userMessages);
        Objects.requireNonNull(action, "action");
        observations = List.copyOf(observations);
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(callId, "callId");
    }

    /** A call of the session's own agent, by a model the log does not name per call, with no id of its own. */
    public TrajectoryTurn(List<UserText> userMessages, AssistantTurn action, List<ToolResult> observations,
            Optional<Usage> usage, Optional<Instant> at, boolean contextRestart) {
        this(userMessages, action, observations, usage, at, contextRestart, Optional.empty(), MAIN, Optional.empty());
    }
}
