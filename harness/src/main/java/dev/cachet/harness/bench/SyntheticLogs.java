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
import java.util.Random;

/**
 * Writes made-up Claude Code and Codex logs of about a chosen size, shaped like real ones: long and short sessions,
 * Claude Code responses split over several lines that repeat their usage, inline sub-agents (sidechains), tool results
 * from a line to tens of kilobytes, Codex token counts written twice. The same seed writes the same bytes.
 *
 * <p>The logs end within a turn of the size: the session being written when the total reaches it ends there, at a
 * whole turn, so every file stays a valid log. The first two files are short and have each shape, a Claude Code
 * session with a sidechain and a Codex rollout, so that a small size has them all.
 */
public final class SyntheticLogs {
    private static final String[] WORDS = {"the", "context", "window", "cache", "prefix", "tool", "result", "file",
        "test", "build", "error", "import", "class", "method", "return", "value", "session", "token"};

    private final Random random;
    private long calls;
    /** Bytes written so far, and how many to write: every line is ASCII, so its characters are its bytes. */
    private long written;
    private long target;

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
        Path codex = directory(dir.resolve("codex/sessions/2026/11/25"));
        target = bytes;
        for (int n = 0; written < target; n++) {
            boolean isCodex = n < 2 ? n == 1 : n % 4 == 3;
            int turns = n < 2 ? 4 + random.nextInt(3)
                    : random.nextInt(10) < 7 ? 5 + random.nextInt(30) : 100 + random.nextInt(300);
            Path file = isCodex ? codex.resolve("rollout-" + n + ".jsonl") : claude.resolve("session-" + n + ".jsonl");
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
        Instant at = Instant.parse("2026-11-01T09:00:00Z").plusSeconds(3600L * n);
        String parent = null;
        long context = 8_000;
        int sidechain = n == 0 ? 1 : turns > 20 ? random.nextInt(turns) : -1;
        for (int t = 0; t < turns; t++) {
            boolean side = t == sidechain;
            parent = userLine(out, session, parent, at, t == 0 ? text(40) : null, t == 0 ? null : "toolu_" + n + "_" + (t - 1),
                    side);
            int blocks = 1 + random.nextInt(3);
            String message = "msg_" + n + "_" + t;
            context += 500 + random.nextInt(4000);
            for (int b = 0; b < blocks; b++) {
                at = at.plusMillis(200 + random.nextInt(3000));
                ObjectNode line = envelope("assistant", session, parent, at, side);
                line.put("requestId", "req_" + n + "_" + t);
                ObjectNode msg = line.putObject("message");
                msg.put("id", message).put("model", t % 17 == 16 ? "claude-haiku-4-5" : "claude-opus-4-6")
                        .put("role", "assistant");
                ArrayNode content = msg.putArray("content");
                if (b < blocks - 1) {
                    content.addObject().put("type", "text").put("text", text(30));
                } else {
                    ObjectNode use = content.addObject().put("type", "tool_use").put("id", "toolu_" + n + "_" + t)
                            .put("name", "Bash");
                    use.putObject("input").put("command", "grep -rn " + WORDS[random.nextInt(WORDS.length)] + " src");
                }
                ObjectNode usage = msg.putObject("usage");
                usage.put("input_tokens", 3).put("cache_creation_input_tokens", 600)
                        .put("cache_read_input_tokens", context).put("output_tokens", 50 + b * 40);
                usage.putObject("cache_creation").put("ephemeral_1h_input_tokens", 600)
                        .put("ephemeral_5m_input_tokens", 0);
                parent = line.path("uuid").asText();
                write(out, line);
            }
            calls++;
            if (written >= target) {
                return;
            }
        }
    }

    private String userLine(BufferedWriter out, String session, String parent, Instant at, String prompt,
            String answering, boolean side) throws IOException {
        ObjectNode line = envelope("user", session, parent, at, side);
        ObjectNode msg = line.putObject("message").put("role", "user");
        if (prompt != null) {
            msg.put("content", prompt);
        } else {
            int size = random.nextInt(20) == 0 ? 20_000 + random.nextInt(60_000) : 100 + random.nextInt(3_000);
            msg.putArray("content").addObject().put("type", "tool_result").put("tool_use_id", answering)
                    .put("content", text(size / 6)).put("is_error", false);
            line.putObject("toolUseResult").put("stdout", "(see content)").put("interrupted", false);
        }
        write(out, line);
        return line.path("uuid").asText();
    }

    private ObjectNode envelope(String type, String session, String parent, Instant at, boolean side) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("parentUuid", parent).put("isSidechain", side).put("userType", "external").put("cwd", "/work/app")
                .put("sessionId", session).put("version", "2.0.50").put("type", type)
                .put("uuid", new java.util.UUID(random.nextLong(), random.nextLong()).toString())
                .put("timestamp", at.toString());
        return line;
    }

    private void codex(BufferedWriter out, int n, int turns) throws IOException {
        Instant at = Instant.parse("2026-11-01T09:30:00Z").plusSeconds(3600L * n);
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
            line(out, at, "response_item", Json.mapper().createObjectNode().put("type", "reasoning").put("summary", ""));
            String call = "call_" + n + "_" + t;
            line(out, at, "response_item", Json.mapper().createObjectNode().put("type", "function_call")
                    .put("name", "shell").put("call_id", call).put("arguments", "{\"command\":[\"rg\",\"cache\"]}"));
            context += 300 + random.nextInt(3000);
            long output = 80 + random.nextInt(400);
            long[] last = {context, context - 2_000, output, output / 2};
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
