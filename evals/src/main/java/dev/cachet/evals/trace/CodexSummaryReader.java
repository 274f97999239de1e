package dev.cachet.evals.trace;

import static dev.cachet.evals.trace.JsonScalars.isText;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.TokenCounter;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a Codex rollout into its summary line by line, as {@link CodexFormat} reads it into a trajectory, but holding
 * no content: per call its model, time and usage, per tool call the call it belongs to, and the sizes of the results.
 *
 * <p>It reads rollouts of their own session that have token counts, the common kind. A fork's or a sub-agent's
 * (whose copied history is found by looking ahead), one without token counts (whose calls are closed by new input),
 * and any line that is not what it expects, it gives up ({@link Unsure}): the importer reads those, so both ways give
 * the same summaries and the same errors. A grown rollout is read anew.
 */
final class CodexSummaryReader {
    private final TokenCounter counter;
    private final AtomicLong bytesParsed;
    private final boolean sizesResults;

    /** A reader that sizes the results. */
    CodexSummaryReader(TokenCounter counter, AtomicLong bytesParsed) {
        this(counter, bytesParsed, true);
    }

    /**
     * @param bytesParsed  counts the bytes of the lines this reader parses, for tests and benchmarks
     * @param sizesResults whether it sizes the tool results ({@link TraceSummary#resultTokens})
     */
    CodexSummaryReader(TokenCounter counter, AtomicLong bytesParsed, boolean sizesResults) {
        this.counter = counter;
        this.bytesParsed = bytesParsed;
        this.sizesResults = sizesResults;
    }

    FileSummary read(Path file) {
        Rollout rollout = new Rollout(sizesResults ? Optional.of(new ResultSizes(counter)) : Optional.empty());
        try (InputStream in = Files.newInputStream(file)) {
            JsonlLines lines = new JsonlLines(in);
            int number = 0;
            for (byte[] line = lines.next(); line != null; line = lines.next()) {
                number++;
                if (!lines.blank()) {
                    bytesParsed.addAndGet(lines.length());
                    CodexLine json;
                    try {
                        json = CodexLine.parse(line, lines.length(), sizesResults);
                    } catch (JsonProcessingException e) {
                        lines.throwUnlessTorn(e);
                        break;
                    }
                    rollout.line(number, json);
                }
            }
        } catch (IOException e) {
            throw new Unsure("cannot read: " + e.getMessage());
        }
        String id = file.getFileName().toString();
        return new FileSummary(List.of(rollout.summary(id)), Optional.empty());
    }

    /** The reading of one rollout so far. */
    private static final class Rollout {
        /** Empty where the results are not sized. */
        private final Optional<ResultSizes> sizes;
        private final List<Call> calls = new ArrayList<>();
        /** The index of the call that made each tool call; a reused id names the latest. */
        private final Map<String, Integer> callers = new HashMap<>();
        private boolean first = true;
        private boolean counted;
        private Optional<String> model = Optional.empty();
        private Optional<String> currentModel = Optional.empty();
        /** The call whose output is being read, until its token_count; -1 for none. */
        private int current = -1;
        private final CodexReports reports = new CodexReports();
        private Optional<String> thread = Optional.empty();

        Rollout(Optional<ResultSizes> sizes) {
            this.sizes = sizes;
        }

        void line(int number, CodexLine line) {
            if (first) {
                first = false;
                if ("session_meta".equals(line.type) && line.inherited) {
                    throw new Unsure("a fork's or a sub-agent's rollout");
                }
                // As the importer's: its thread's, which its sub-agents name as their parent.
                thread = "session_meta".equals(line.type) ? Optional.ofNullable(line.id) : Optional.empty();
            }
            counted |= "token_count".equals(line.payloadType) && !line.infoMissing;
            if (!isText(line.type) || !line.payloadObject) {
                throw new Unsure("type or payload");
            }
            switch (line.type) {
                case "turn_context" -> {
                    if (line.model != null) {
                        currentModel = Optional.of(line.model);
                    }
                    model = model.or(() -> currentModel);
                }
                case "response_item" -> item(number, line);
                case "event_msg" -> {
                    if ("token_count".equals(line.payloadType)) {
                        tokenCount(line);
                    }
                }
                default -> {
                    // As the importer: other lines do not change the calls.
                }
            }
        }

        private void item(int number, CodexLine line) {
            if (!isText(line.payloadType)) {
                throw new Unsure("payload.type");
            }
            switch (line.payloadType) {
                case "message" -> {
                    if (!isText(line.role) || !line.content) {
                        throw new Unsure("message");
                    }
                    if (line.role.equals("assistant")) {
                        current(line);
                    }
                }
                case "reasoning" -> current(line);
                case "function_call" -> call(line, line.callId, line.arguments);
                case "custom_tool_call" -> call(line, line.callId, line.input);
                case "web_search_call" -> {
                    if (!line.action) {
                        throw new Unsure("web_search_call.action");
                    }
                    callers.put("web_search:" + number, current(line));
                }
                case "function_call_output", "custom_tool_call_output" -> {
                    if (!isText(line.callId) || line.output == null) {
                        throw new Unsure("tool output");
                    }
                    Integer caller = callers.get(line.callId);
                    if (caller != null) {
                        sizes.ifPresent(results -> results.add(caller, line.output));
                    }
                }
                default -> {
                    // Other items are not part of what a turn records.
                }
            }
        }

        private void call(CodexLine line, String id, String arguments) {
            int call = current(line);
            if (!isText(id) || !isText(line.name) || !isText(arguments)) {
                throw new Unsure("tool call");
            }
            callers.put(id, call);
        }

        /** As the importer's: a report without info or repeating an earlier one is no new call. */
        private void tokenCount(CodexLine line) {
            if (line.infoMissing) {
                return;
            }
            if (!line.infoObject || line.total == null || line.total.isNull()) {
                throw new Unsure("token_count.info");
            }
            if (!reports.next(line.total)) {
                return;
            }
            Usage usage;
            if (line.lastObject) {
                if (line.inputMissing || line.outputMissing || line.tokens.coerced) {
                    throw new Unsure("last_token_usage");
                }
                long[] tokens = line.tokens.values;
                usage = Usages.openAi(tokens[0], tokens[1], tokens[2], tokens[3]);
            } else if (line.lastOther) {
                throw new Unsure("last_token_usage");
            } else {
                usage = reports.growth().orElseThrow(() -> new Unsure("total_token_usage"));
            }
            Call call = calls.get(current(line));
            call.usage = usage;
            call.id = CodexReports.id(JsonScalars.instant(line.timestamp()), line.total);
            current = -1;
        }

        /** The current call's index, opened by its first output (or by its token_count, if it logged none). */
        private int current(CodexLine line) {
            if (current < 0) {
                current = calls.size();
                calls.add(new Call(JsonScalars.instant(line.timestamp()),
                        currentModel.filter(name -> !name.isBlank())));
            }
            return current;
        }

        TraceSummary summary(String id) {
            if (!counted) {
                throw new Unsure("no token counts: new input closes the calls");
            }
            if (calls.isEmpty()) {
                throw new Unsure("no model calls");
            }
            List<TraceSummary.Turn> turns = calls.stream().map(call -> new TraceSummary.Turn(call.id,
                    TrajectoryTurn.MAIN, call.model, call.at, Optional.ofNullable(call.usage))).toList();
            // The rollout does not log the built-in tools' schemas.
            return new TraceSummary(id, CodexFormat.LABEL, thread.orElse(id), model, turns, OptionalInt.empty(),
                    sizes.map(ResultSizes::tokens));
        }
    }

    /** One model call: when, on which model, what it billed (null until its token_count) and its report's id. */
    private static final class Call {
        final Optional<Instant> at;
        final Optional<String> model;
        Usage usage;
        Optional<String> id = Optional.empty();

        Call(Optional<Instant> at, Optional<String> model) {
            this.at = at;
            this.model = model;
        }
    }
}
