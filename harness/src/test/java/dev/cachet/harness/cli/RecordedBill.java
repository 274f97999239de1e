package dev.cachet.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a log says its model calls were billed, summed straight from its JSON with Jackson, independently of the
 * importers, in the replay report's vocabulary: input counts the cache writes and reads.
 */
record RecordedBill(long input, long cacheWrite, long cacheRead, long output) {

    /**
     * A Claude Code session: each API response once by message.id, its input and cache counts from any of its lines
     * and its output from the last, which is final. Lines on the other side of the sidechain split from the file's
     * first message are a subagent's context, not this session's.
     */
    static RecordedBill claudeCode(Path file) {
        Map<String, JsonNode> usageById = new LinkedHashMap<>();
        Boolean sidechain = null;
        for (JsonNode line : lines(file)) {
            if (!line.has("isSidechain")) {
                continue;
            }
            sidechain = sidechain == null ? line.get("isSidechain").asBoolean() : sidechain;
            if (line.path("type").asText().equals("assistant") && line.get("isSidechain").asBoolean() == sidechain) {
                usageById.put(line.at("/message/id").asText(), line.at("/message/usage"));
            }
        }
        return of(usageById.values());
    }

    /** Anthropic usages, each one response's. */
    private static RecordedBill of(Iterable<JsonNode> usages) {
        long uncached = sum(usages, "input_tokens");
        long write = sum(usages, "cache_creation_input_tokens");
        long read = sum(usages, "cache_read_input_tokens");
        return new RecordedBill(uncached + write + read, write, read, sum(usages, "output_tokens"));
    }

    /**
     * The sub-agents a Claude Code parent's log relays in its {@code agent_progress} lines, each its responses' last
     * usage, by agent id in the order each first appears.
     */
    static Map<String, RecordedBill> claudeCodeRelayed(Path file) {
        Map<String, Map<String, JsonNode>> usageByAgent = new LinkedHashMap<>();
        for (JsonNode line : lines(file)) {
            JsonNode data = line.path("data");
            JsonNode message = data.path("message");
            if (data.path("type").asText().equals("agent_progress") && message.path("type").asText().equals("assistant")) {
                usageByAgent.computeIfAbsent(data.path("agentId").asText(), agent -> new LinkedHashMap<>())
                        .put(message.at("/message/id").asText(), message.at("/message/usage"));
            }
        }
        Map<String, RecordedBill> bills = new LinkedHashMap<>();
        usageByAgent.forEach((agent, usages) -> bills.put(agent, of(usages.values())));
        return bills;
    }

    /** A Codex rollout: its last cumulative total_token_usage, whose input_tokens counts the cached ones. */
    static RecordedBill codex(Path file) {
        JsonNode total = null;
        for (JsonNode line : lines(file)) {
            JsonNode info = line.at("/payload/info");
            if (line.at("/payload/type").asText().equals("token_count") && info.isObject()) {
                total = info.get("total_token_usage");
            }
        }
        return new RecordedBill(total.get("input_tokens").asLong(), 0, total.get("cached_input_tokens").asLong(),
                total.get("output_tokens").asLong());
    }

    /**
     * A mini-swe-agent trajectory: the usage of each assistant message's response, whose prompt counts the cached
     * tokens; DeepSeek reports those as prompt_cache_hit_tokens where OpenAI's prompt_tokens_details is missing.
     */
    static RecordedBill miniSweAgent(Path file) {
        long prompt = 0;
        long cached = 0;
        long completion = 0;
        for (JsonNode message : parse(read(file)).path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
                JsonNode usage = message.at("/extra/response/usage");
                prompt += usage.path("prompt_tokens").asLong();
                JsonNode details = usage.at("/prompt_tokens_details/cached_tokens");
                cached += details.isNumber() ? details.asLong() : usage.path("prompt_cache_hit_tokens").asLong();
                completion += usage.path("completion_tokens").asLong();
            }
        }
        return new RecordedBill(prompt, 0, cached, completion);
    }

    /**
     * OpenHands evaluation output, one run a line, by instance id: the run's token_usages, whose prompt counts the
     * cache writes and reads (LiteLLM adds them back in).
     */
    static Map<String, RecordedBill> openHandsOutput(Path file) {
        Map<String, RecordedBill> bills = new LinkedHashMap<>();
        for (JsonNode line : lines(file)) {
            JsonNode usages = line.at("/metrics/token_usages");
            bills.put(line.get("instance_id").asText(), new RecordedBill(sum(usages, "prompt_tokens"),
                    sum(usages, "cache_write_tokens"), sum(usages, "cache_read_tokens"),
                    sum(usages, "completion_tokens")));
        }
        return bills;
    }

    /**
     * An OpenHands trajectory: the usage of each distinct model response its events carry (an action and its
     * observation carry the same one), whose prompt counts the cache writes and reads.
     */
    static RecordedBill openHandsEvents(Path file) {
        Map<String, JsonNode> usages = new LinkedHashMap<>();
        for (JsonNode event : parse(read(file))) {
            JsonNode response = event.at("/tool_call_metadata/model_response");
            if (response.has("usage")) {
                usages.putIfAbsent(response.get("id").asText(), response.get("usage"));
            }
        }
        return new RecordedBill(sum(usages.values(), "prompt_tokens"), sum(usages.values(), "cache_creation_input_tokens"),
                sum(usages.values(), "cache_read_input_tokens"), sum(usages.values(), "completion_tokens"));
    }

    /** The figures of a report's run row, to compare with. */
    static RecordedBill ofRun(JsonNode run) {
        return new RecordedBill(run.get("input_tokens").asLong(), run.get("cache_write_tokens").asLong(),
                run.get("cache_read_tokens").asLong(), run.get("output_tokens").asLong());
    }

    private static long sum(Iterable<JsonNode> usages, String field) {
        long sum = 0;
        for (JsonNode usage : usages) {
            sum += usage.path(field).asLong();
        }
        return sum;
    }

    private static List<JsonNode> lines(Path file) {
        return read(file).lines().filter(line -> !line.isBlank()).map(RecordedBill::parse).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
