package dev.cachet.harness.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes made-up Claude Code and Codex logs of about a chosen size, shaped like real ones: long and short sessions,
 * Claude Code responses split over several lines that repeat their usage, inline sub-agents (sidechains of several
 * turns), compactions as the context nears the model's window (Claude Code's and Codex's own), tool results from a
 * line to tens of kilobytes, Codex token counts written twice with the session's running totals. The same seed writes the same bytes; 'cachet stats' and
 * 'cachet replay' read every line.
 *
 * <p>The logs end within a turn of the size: the session being written when the total reaches it ends there, at a
 * whole turn, so every file stays a valid log. The first two files are short and have each shape, a Claude Code
 * session with a sidechain and a Codex rollout, so that a size from about 100 KB has them all.
 */
public final class SyntheticLogs {
    private static final DateTimeFormatter DAY_FOLDER = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private static final String[] WORDS = {"the", "context", "window", "cache", "prefix", "tool", "result", "file",
        "test", "build", "error", "import", "class", "method", "return", "value", "session", "token"};

    /** A Claude Code session's system prompt and tools, read from the cache on every call. */
    private static final long PROMPT_TOKENS = 8_000;
    /**
     * Claude Code compacts on its own as the context nears its 200K window, leaving room for the summary and the
     * answer (the corpus's compaction came at 167K).
     */
    private static final long COMPACT_AT = 160_000;
    /** Codex compacts on its own before gpt-5-codex's 272K window fills. */
    private static final long CODEX_COMPACT_AT = 220_000;

    private final Random random;
    private long calls;
    /** Bytes written so far, and how many to write: every line is ASCII, so its characters are its bytes. */
    private long written;
    private long target;
    /** The time of the line being written. */
    private Instant now;

    public SyntheticLogs(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes logs of about {@code bytes} in total into {@code dir}; returns the number of model calls written.
     *
     * @throws dev.cachet.harness.InputException when a file cannot be written (a full disk), naming it
     */
    public long write(Path dir, long bytes) {
        Path claude = directory(dir.resolve("claude/projects/-work-app"));
        target = bytes;
        for (int n = 0; written < target; n++) {
            boolean isCodex = n < 2 ? n == 1 : n % 4 == 3;
            int turns = n < 2 ? 4 + random.nextInt(3)
                    : random.nextInt(10) < 7 ? 5 + random.nextInt(30) : 100 + random.nextInt(300);
            // Codex keeps a rollout in the folder of the day it started, which tools that read a range of days skip by.
            Path file = isCodex ? directory(dir.resolve("codex/sessions").resolve(DAY_FOLDER.format(codexStart(n))))
                    .resolve("rollout-" + n + ".jsonl") : claude.resolve("session-" + n + ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                if (isCodex) {
                    codex(out, n, turns);
                } else {
                    claude(out, n, turns);
                }
            } catch (IOException e) {
                throw FileFailure.writing(file, e);
            }
        }
        return calls;
    }

    private static Path directory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileFailure.writing(dir, e);
        }
    }

    private void claude(BufferedWriter out, int n, int turns) throws IOException {
        String session = "00000000-0000-0000-0000-" + String.format("%012d", n);
        now = Instant.parse("2026-11-01T09:00:00Z").plusSeconds(3600L * n);
        String parent = null;
        long context = PROMPT_TOKENS;
        int sidechain = n == 0 ? 1 : turns > 20 ? random.nextInt(turns) : -1;
        for (int t = 0; t < turns; t++) {
            parent = t == 0 ? userText(out, session, null, false, text(40))
                    : toolResult(out, session, parent, false, "toolu_" + n + "_" + (t - 1));
            context += 500 + random.nextInt(4000);
            long read = context;
            long write = 600;
            if (context > COMPACT_AT) {
                parent = compaction(out, session, parent, context);
                // The summary is new to the cache; the system prompt and tools before it are read as before.
                context = PROMPT_TOKENS + 3_000 + random.nextInt(10_000);
                read = PROMPT_TOKENS;
                write = context - PROMPT_TOKENS;
            }
            String id = n + "_" + t;
            ObjectNode tool = t == sidechain
                    ? tool("Task").put("description", "Find the callers").put("prompt", text(25))
                            .put("subagent_type", "Explore")
                    : tool("Bash").put("command", "grep -rn " + WORDS[random.nextInt(WORDS.length)] + " src");
            parent = response(out, session, parent, false, id, t % 17 == 16 ? "claude-haiku-4-5" : "claude-opus-4-6",
                    read, write, tool);
            calls++;
            if (t == sidechain) {
                subAgent(out, session, id, tool.path("prompt").asText());
            }
            if (written >= target) {
                return;
            }
        }
    }

    /**
     * A sub-agent that the Task call {@code toolu_<id>} started, inline, as Claude Code wrote them before it gave each
     * its own file: lines flagged isSidechain, chained by parentUuid from its prompt (which has no parent) on a
     * context of its own, ending in its answer; the main session's chain goes on from the call.
     */
    private void subAgent(BufferedWriter out, String session, String id, String prompt) throws IOException {
        String parent = userText(out, session, null, true, prompt);
        long context = 5_000;
        int turns = 3 + random.nextInt(4);
        for (int s = 0; s < turns; s++) {
            if (s > 0) {
                parent = toolResult(out, session, parent, true, "toolu_" + id + "_" + (s - 1));
            }
            context += 300 + random.nextInt(2_000);
            ObjectNode tool = s == turns - 1 ? null : tool("Grep").put("pattern", WORDS[random.nextInt(WORDS.length)]);
            parent = response(out, session, parent, true, id + "_" + s, "claude-haiku-4-5", context, 600, tool);
            calls++;
        }
    }

    /**
     * What Claude Code writes when it compacts on its own as the context nears its 200K window: a boundary, which
     * starts a chain anew (its logical parent the line before), and the summary the model sees from then on.
     */
    private String compaction(BufferedWriter out, String session, String parent, long context) throws IOException {
        ObjectNode boundary = envelope("system", session, null, false).put("logicalParentUuid", parent)
                .put("subtype", "compact_boundary").put("content", "Conversation compacted").put("isMeta", false)
                .put("level", "info");
        boundary.putObject("compactMetadata").put("trigger", "auto").put("preTokens", context);
        write(out, boundary);
        ObjectNode summary = envelope("user", session, boundary.path("uuid").asText(), false);
        summary.putObject("message").put("role", "user").put("content", "This session is being continued from a "
                + "previous conversation that ran out of context. The summary below covers the earlier portion of the "
                + "conversation.\n\n" + text(400));
        summary.put("isVisibleInTranscriptOnly", true).put("isCompactSummary", true);
        write(out, summary);
        return summary.path("uuid").asText();
    }

    /**
     * One API response, a line per content block as Claude Code writes it, each with the usage so far: text, then
     * {@code tool} (the last block's input, named), or text alone where it is null. Returns the last line's uuid.
     */
    private String response(BufferedWriter out, String session, String parent, boolean side, String id, String model,
            long read, long write, ObjectNode tool) throws IOException {
        int blocks = 1 + random.nextInt(3);
        for (int b = 0; b < blocks; b++) {
            now = now.plusMillis(200 + random.nextInt(3000));
            ObjectNode line = envelope("assistant", session, parent, side);
            line.put("requestId", "req_" + id);
            ObjectNode msg = line.putObject("message");
            msg.put("id", "msg_" + id).put("model", model).put("role", "assistant");
            ArrayNode content = msg.putArray("content");
            if (b < blocks - 1 || tool == null) {
                content.addObject().put("type", "text").put("text", text(30));
            } else {
                ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_" + id)
                        .put("name", tool.path("name").asText());
                use.set("input", tool.without("name"));
            }
            ObjectNode usage = msg.putObject("usage");
            usage.put("input_tokens", 3).put("cache_creation_input_tokens", write)
                    .put("cache_read_input_tokens", read).put("output_tokens", 50 + b * 40);
            usage.putObject("cache_creation").put("ephemeral_1h_input_tokens", write)
                    .put("ephemeral_5m_input_tokens", 0);
            parent = line.path("uuid").asText();
            write(out, line);
        }
        return parent;
    }

    /** A tool's input, with its name under "name" until it is written. */
    private static ObjectNode tool(String name) {
        return Json.mapper().createObjectNode().put("name", name);
    }

    private String userText(BufferedWriter out, String session, String parent, boolean side, String text)
            throws IOException {
        ObjectNode line = envelope("user", session, parent, side);
        line.putObject("message").put("role", "user").put("content", text);
        write(out, line);
        return line.path("uuid").asText();
    }

    private String toolResult(BufferedWriter out, String session, String parent, boolean side, String answering)
            throws IOException {
        ObjectNode line = envelope("user", session, parent, side);
        int size = random.nextInt(20) == 0 ? 20_000 + random.nextInt(60_000) : 100 + random.nextInt(3_000);
        line.putObject("message").put("role", "user").putArray("content").addObject().put("type", "tool_result")
                .put("tool_use_id", answering).put("content", text(size / 6)).put("is_error", false);
        line.putObject("toolUseResult").put("stdout", "(see content)").put("interrupted", false);
        write(out, line);
        return line.path("uuid").asText();
    }

    private ObjectNode envelope(String type, String session, String parent, boolean side) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("parentUuid", parent).put("isSidechain", side).put("userType", "external").put("cwd", "/work/app")
                .put("sessionId", session).put("version", "2.0.50").put("type", type)
                .put("uuid", new java.util.UUID(random.nextLong(), random.nextLong()).toString())
                .put("timestamp", now.toString());
        return line;
    }

    private static Instant codexStart(int n) {
        return Instant.parse("2026-11-01T09:30:00Z").plusSeconds(3600L * n);
    }

    private void codex(BufferedWriter out, int n, int turns) throws IOException {
        Instant at = codexStart(n);
        ObjectNode meta = Json.mapper().createObjectNode().put("id", "019e0000-0000-7000-8000-" + String.format("%012d", n))
                .put("cwd", "/work/app").put("cli_version", "0.60.0");
        meta.putObject("base_instructions").put("text", text(200));
        line(out, at, "session_meta", meta);
        line(out, at, "turn_context", Json.mapper().createObjectNode().put("model", "gpt-5-codex").put("cwd", "/work/app"));
        String prompt = text(30);
        ObjectNode user = Json.mapper().createObjectNode().put("type", "message").put("role", "user");
        user.putArray("content").addObject().put("type", "input_text").put("text", prompt);
        line(out, at, "response_item", user);
        line(out, at, "event_msg", Json.mapper().createObjectNode().put("type", "user_message").put("message", prompt));
        // Input, cached input, output and reasoning: the session's totals, which every call's report carries.
        long[] total = new long[4];
        long context = 6_000;
        for (int t = 0; t < turns; t++) {
            at = at.plusMillis(500 + random.nextInt(4000));
            boolean compacted = context > CODEX_COMPACT_AT;
            if (compacted) {
                // The summary replaces the history: only the instructions before it are still cached.
                line(out, at, "compacted", Json.mapper().createObjectNode().put("message", text(300)));
                context = 8_000 + random.nextInt(6_000);
            }
            line(out, at, "response_item", Json.mapper().createObjectNode().put("type", "reasoning").put("summary", ""));
            String call = "call_" + n + "_" + t;
            line(out, at, "response_item", Json.mapper().createObjectNode().put("type", "function_call")
                    .put("name", "shell").put("call_id", call).put("arguments", "{\"command\":[\"rg\",\"cache\"]}"));
            context += 300 + random.nextInt(3000);
            long cached = compacted ? 4_000 : context - 2_000;
            long output = 80 + random.nextInt(400);
            long[] last = {context, cached, output, output / 2};
            for (int i = 0; i < total.length; i++) {
                total[i] += last[i];
            }
            ObjectNode count = Json.mapper().createObjectNode().put("type", "token_count");
            ObjectNode info = count.putObject("info");
            info.set("total_token_usage", tokenUsage(total));
            info.set("last_token_usage", tokenUsage(last));
            line(out, at, "event_msg", count);
            line(out, at, "event_msg", count);
            int size = random.nextInt(20) == 0 ? 20_000 + random.nextInt(40_000) : 100 + random.nextInt(2_500);
            line(out, at, "response_item", Json.mapper().createObjectNode().put("type", "function_call_output")
                    .put("call_id", call).put("output", text(size / 6)));
            calls++;
            if (written >= target) {
                return;
            }
        }
    }

    /** Input, cached input, output and reasoning, as a token_count names them. */
    private static ObjectNode tokenUsage(long[] counts) {
        return Json.mapper().createObjectNode().put("input_tokens", counts[0]).put("cached_input_tokens", counts[1])
                .put("output_tokens", counts[2]).put("reasoning_output_tokens", counts[3])
                .put("total_tokens", counts[0] + counts[2]);
    }

    private void line(BufferedWriter out, Instant at, String type, ObjectNode payload) throws IOException {
        ObjectNode line = Json.mapper().createObjectNode().put("timestamp", at.toString()).put("type", type);
        line.set("payload", payload);
        write(out, line);
    }

    private void write(BufferedWriter out, ObjectNode line) throws IOException {
        String text = line.toString();
        out.write(text);
        out.write('\n');
        written += text.length() + 1;
    }

    private String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : i % 12 == 0 ? "\n" : " ").append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }
}
