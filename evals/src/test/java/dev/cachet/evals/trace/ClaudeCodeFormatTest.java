package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import dev.cachet.providers.CacheLifetime;
import dev.cachet.providers.Usage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaudeCodeFormatTest {
    private static final Path SESSION = TraceSamples.FIXTURES.resolve("claude-code/session.jsonl");
    private static final String MAIN_SESSION = "claude-code-spotter/258c7280-ae70-4798-800f-63464d01a85d.jsonl";
    private static final String CODEMIE_SESSION = "claude-code-codemie/session-196820da.jsonl";
    private static final String SUBAGENT =
            "claude-code-spotter/4d5611e5-241a-462a-8d15-5122611a9569__subagent__agent-a2898e3.jsonl";

    private final ClaudeCodeFormat format = new ClaudeCodeFormat();

    @TempDir
    Path dir;

    private static final Path SIDECHAINS = TraceSamples.FIXTURES.resolve("claude-code/sidechains.jsonl");

    /** The main session of a file, which comes first. */
    private Trajectory read(Path file) {
        return format.read(file).get(0);
    }

    @Test
    void one_response_split_over_lines_is_one_turn_with_its_calls_answered_and_its_usage_counted_once() {
        TrajectoryTurn turn = read(SESSION).turns().get(0);

        assertThat(turn.action()).isEqualTo(new AssistantTurn("Running the tests.", List.of(
                new ToolCall("toolu_1", "Bash", "{\"command\":\"mvn test\"}"),
                new ToolCall("toolu_2", "Read", "{\"file_path\":\"A.java\"}"))));
        assertThat(turn.observations()).containsExactly(
                new ToolResult("toolu_1", "Bash", "1 failure\n[image]", true),
                new ToolResult("toolu_2", "Read", "class A {}", false));
        // Input and cache counts appear on all four lines; output_tokens is the last line's.
        assertThat(turn.usage()).contains(new Usage(3, 100, 200, 42, 0));
        assertThat(turn.at()).contains(Instant.parse("2026-01-01T10:00:01.000Z"));
    }

    @Test
    void a_response_written_without_its_usage_is_a_call_whose_bill_is_not_known() throws IOException {
        // The last response's only line, cut off before its usage was written.
        String cut = Files.readString(SESSION).replaceAll("(\"msg_B\".*?),\"usage\":\\{[^}]*}", "$1");
        Path log = Files.writeString(dir.resolve("cut.jsonl"), cut);

        Trajectory whole = read(SESSION);
        Trajectory trajectory = read(log);

        assertThat(cut.lines().filter(line -> line.contains("\"msg_B\""))).singleElement().asString()
                .doesNotContain("usage");
        assertThat(trajectory.turns()).hasSameSizeAs(whole.turns());
        assertThat(trajectory.turns().get(trajectory.turns().size() - 1).usage()).isEmpty();
        assertThat(trajectory.turns().get(0).usage()).isEqualTo(whole.turns().get(0).usage());
        assertThat(trajectory.hasRecordedUsage()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"ten\"                  | \"ten\"",
        "99999999999999999999   | 99999999999999999999",
        "true                   | true"
    })
    void a_token_count_that_is_no_count_is_refused_rather_than_read_as_another(String written, String said)
            throws IOException {
        String text = Files.readString(SESSION).replaceFirst("(\"msg_B\".*?\"cache_read_input_tokens\":)\\d+",
                "$1" + java.util.regex.Matcher.quoteReplacement(written));
        Path log = Files.writeString(dir.resolve("text.jsonl"), text);
        int line = text.lines().toList().indexOf(text.lines().filter(l -> l.contains("\"msg_B\"")).findFirst()
                .orElseThrow()) + 1;

        assertThat(catchThrowable(() -> format.read(log))).isInstanceOf(TraceFormatException.class)
                .hasMessage(log + ":" + line + ": message.usage.cache_read_input_tokens is " + said
                        + ", not a token count");
    }

    @Test
    void a_token_count_written_as_a_string_of_digits_is_read_as_that_count() throws IOException {
        String text = Files.readString(SESSION).replaceFirst("(\"msg_B\".*?\"cache_read_input_tokens\":)(\\d+)",
                "$1\"$2\"");
        Path log = Files.writeString(dir.resolve("digits.jsonl"), text);

        assertThat(format.read(log)).extracting(Trajectory::turns)
                .isEqualTo(format.read(SESSION).stream().map(Trajectory::turns).toList());
    }

    @Test
    void a_negative_token_count_is_refused_naming_its_line_and_field() throws IOException {
        String negative = Files.readString(SESSION).replaceFirst("(\"msg_B\".*?\"cache_creation_input_tokens\":)\\d+", "$1-5");
        Path log = Files.writeString(dir.resolve("negative.jsonl"), negative);
        int line = negative.lines().toList().indexOf(negative.lines().filter(l -> l.contains("\"msg_B\"")).findFirst()
                .orElseThrow()) + 1;

        assertThat(catchThrowable(() -> format.read(log))).isInstanceOf(TraceFormatException.class)
                .hasMessage(log + ":" + line + ": message.usage.cache_creation_input_tokens is -5, not a token count");
    }

    @Test
    void a_line_cut_off_before_its_usage_belongs_to_its_message_where_no_request_id_names_the_response()
            throws IOException {
        // No request ids (a relay's log), and the first response's last line without its usage.
        List<String> lines = Files.readAllLines(SESSION).stream()
                .map(line -> line.replaceAll(",\"requestId\":\"[^\"]*\"", "")).toList();
        int last = 0;
        for (int i = 0; i < lines.size(); i++) {
            last = lines.get(i).contains("\"msg_A\"") ? i : last;
        }
        List<String> cut = new java.util.ArrayList<>(lines);
        cut.set(last, lines.get(last).replaceAll(",\"usage\":\\{[^}]*}", ""));
        Trajectory whole = read(Files.write(dir.resolve("whole.jsonl"), lines));

        Trajectory trajectory = read(Files.write(dir.resolve("cut.jsonl"), cut));

        assertThat(cut.get(last)).contains("\"msg_A\"").doesNotContain("usage");
        assertThat(trajectory.turns()).hasSameSizeAs(whole.turns());
        assertThat(trajectory.hasRecordedUsage()).isTrue();
        assertThat(trajectory.turns().get(0).action()).isEqualTo(whole.turns().get(0).action());
        assertThat(trajectory.turns().get(0).usage().orElseThrow().input())
                .isEqualTo(whole.turns().get(0).usage().orElseThrow().input());
    }

    @Test
    void the_task_is_the_first_text_the_user_typed_and_meta_text_before_it_reaches_the_first_turn() {
        Trajectory trajectory = read(SESSION);

        assertThat(trajectory.task()).isEqualTo("Fix the failing test");
        assertThat(trajectory.turns().get(0).userMessages())
                .containsExactly(new UserText("Caveat: the messages below were generated by local commands."));
    }

    @Test
    void the_compact_summary_and_later_user_text_reach_the_next_turn() {
        TrajectoryTurn turn = read(SESSION).turns().get(1);

        assertThat(turn.userMessages()).containsExactly(
                new UserText("Summary: the test fails in A."), new UserText("Please go on"));
        assertThat(turn.action()).isEqualTo(AssistantTurn.text("Fixed."));
        assertThat(turn.usage()).contains(new Usage(5, 0, 300, 7, 0));
    }

    @Test
    void a_line_written_again_under_its_uuid_was_sent_to_no_model_and_is_read_once() throws IOException {
        List<String> lines = Files.readAllLines(SESSION);
        List<String> written = new java.util.ArrayList<>(lines);
        // The desktop app writes the whole history again after a compaction (claude-code #66947); a later build's copy
        // may carry a field more.
        lines.stream()
                .filter(line -> line.contains("\"type\":\"user\"") || line.contains("\"type\":\"assistant\""))
                .map(line -> line.replaceFirst("\\{", "{\"version\":\"2.1.9\","))
                .forEach(written::add);
        Path log = Files.write(dir.resolve("again.jsonl"), written);

        Trajectory original = read(SESSION);
        Trajectory again = read(log);
        assertThat(again.turns()).isEqualTo(original.turns());
        assertThat(again.task()).isEqualTo(original.task());
    }

    @Test
    void bookkeeping_lines_are_not_turns() {
        Trajectory trajectory = Traces.only(format, SESSION);

        assertThat(trajectory.turns()).hasSize(2);
        assertThat(trajectory.model()).contains("claude-test-1");
        assertThat(trajectory.systemPrompt()).isEmpty();
        assertThat(trajectory.tools()).isEmpty();
        assertThat(trajectory.hasRecordedUsage()).isTrue();
        assertThat(trajectory.session()).isEqualTo("s-1");
        assertThat(trajectory.turns()).extracting(TrajectoryTurn::agent).containsOnly(TrajectoryTurn.MAIN);
    }

    @Test
    void a_sidechain_whose_launching_call_is_not_in_the_log_is_a_sidechain_of_the_same_session() throws IOException {
        Path file = dir.resolve("orphan.jsonl");
        Files.writeString(file, Files.readString(SESSION) + """
                {"parentUuid":"s-0","isSidechain":true,"sessionId":"s-1","agentId":"x1","type":"assistant","message":\
                {"model":"claude-test-1","id":"msg_SIDE","type":"message","role":"assistant","content":[{"type":"text",\
                "text":"subagent output"}],"usage":{"input_tokens":9,"cache_creation_input_tokens":0,\
                "cache_read_input_tokens":0,"output_tokens":9}},"timestamp":"2026-01-01T10:00:06.000Z","uuid":"s-1"}
                """);

        List<Trajectory> trajectories = format.read(file);

        assertThat(trajectories).extracting(Trajectory::id).containsExactly("orphan.jsonl", "orphan.jsonl#sidechain-1");
        assertThat(trajectories).extracting(Trajectory::session).containsOnly("s-1");
        assertThat(trajectories.get(1).turns()).singleElement()
                .satisfies(turn -> assertThat(turn.agent()).isEqualTo("sidechain"));
    }

    @Test
    void a_sidechain_whose_only_answer_claude_code_made_up_is_left_out_and_the_session_read() throws IOException {
        // A sub-agent whose one request failed: Claude Code logs its own notice as the answer, model <synthetic>.
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(SIDECHAINS));
        lines.add("{\"parentUuid\":null,\"isSidechain\":true,\"sessionId\":\"s-side\",\"type\":\"user\",\"message\":"
                + "{\"role\":\"user\",\"content\":\"Look again\"},\"timestamp\":\"2026-03-01T10:09:00.000Z\",\"uuid\":\"x1\"}");
        lines.add("{\"parentUuid\":\"x1\",\"isSidechain\":true,\"sessionId\":\"s-side\",\"type\":\"assistant\",\"message\":"
                + "{\"model\":\"<synthetic>\",\"id\":\"msg_X\",\"type\":\"message\",\"role\":\"assistant\",\"content\":"
                + "[{\"type\":\"text\",\"text\":\"API Error: 529\"}],\"usage\":{\"input_tokens\":0,\"output_tokens\":0}},"
                + "\"timestamp\":\"2026-03-01T10:09:01.000Z\",\"uuid\":\"x2\"}");
        Path log = Files.write(dir.resolve("failed-agent.jsonl"), lines);

        List<Trajectory> trajectories = format.read(log);

        assertThat(trajectories).extracting(Trajectory::id).containsExactly(
                "failed-agent.jsonl", "failed-agent.jsonl#Explore-1", "failed-agent.jsonl#Plan-1");
        assertThat(total(trajectories.get(0))).isEqualTo(Responses.byContext(SIDECHAINS).get("main").usage());
    }

    @Test
    void inline_sidechains_are_read_each_as_its_sub_agent_type_with_every_call_counted_once() throws IOException {
        List<Trajectory> trajectories = format.read(SIDECHAINS);
        Map<String, Responses> expected = Responses.byContext(SIDECHAINS);

        assertThat(trajectories).extracting(Trajectory::id).containsExactly(
                "sidechains.jsonl", "sidechains.jsonl#Explore-1", "sidechains.jsonl#Plan-1");
        assertThat(trajectories).extracting(Trajectory::session).containsOnly("s-side");
        assertThat(trajectories.get(0).turns()).hasSize(expected.get("main").count());
        assertThat(trajectories.get(1).turns()).hasSize(expected.get("e0").count());
        assertThat(trajectories.get(2).turns()).hasSize(expected.get("p0").count());
        assertThat(total(trajectories.get(0))).isEqualTo(expected.get("main").usage());
        assertThat(total(trajectories.get(1))).isEqualTo(expected.get("e0").usage());
        assertThat(total(trajectories.get(2))).isEqualTo(expected.get("p0").usage());
        assertThat(trajectories.get(1).task()).isEqualTo("Find the bug");
        assertThat(trajectories.get(1).turns()).extracting(TrajectoryTurn::agent).containsOnly("Explore");
    }

    @Test
    void a_sub_agents_chain_runs_through_its_progress_lines() throws IOException {
        Path file = TraceSamples.sidechainsThroughProgress(dir);

        List<Trajectory> trajectories = format.read(file);

        assertThat(trajectories).extracting(Trajectory::id).containsExactly(
                "progress.jsonl", "progress.jsonl#Explore-1", "progress.jsonl#Plan-1");
        assertThat(trajectories).extracting(trajectory -> trajectory.turns().size())
                .isEqualTo(format.read(SIDECHAINS).stream().map(trajectory -> trajectory.turns().size()).toList());
    }

    @Test
    void a_sub_agent_relayed_in_its_parents_progress_lines_is_read_as_an_inline_one_where_its_own_log_is_missing()
            throws IOException {
        Path file = TraceSamples.sidechainsAsAgentProgress(dir);
        List<Trajectory> inline = format.read(SIDECHAINS);

        List<Trajectory> relayed = format.read(file);

        assertThat(relayed).extracting(Trajectory::id).containsExactly(
                "relay.jsonl", "relay.jsonl#Explore-1", "relay.jsonl#Plan-1");
        for (int i = 0; i < inline.size(); i++) {
            assertThat(relayed.get(i).turns()).as(relayed.get(i).id()).isEqualTo(inline.get(i).turns());
            assertThat(relayed.get(i).task()).isEqualTo(inline.get(i).task());
        }
    }

    @Test
    void a_relayed_message_that_lacks_a_field_is_an_error_that_says_where_the_field_lies() throws IOException {
        Path file = TraceSamples.sidechainsAsAgentProgress(dir);
        Files.writeString(file, Files.readString(file).replace("\"id\":\"msg_E1\",", ""));

        assertThat(catchThrowable(() -> format.read(file))).isInstanceOf(TraceFormatException.class)
                .hasMessageContaining("missing field message.id")
                .hasMessageEndingWith("(of the sub-agent message its progress line relays, under data.message)");
        // Where a read may leave part of a log out (stats' and replay's), the parent and its other sub-agent are read.
        JsonFiles.Read<List<Trajectory>> read = JsonFiles.leavingOutCutLines(() -> format.read(file));
        assertThat(read.value()).extracting(Trajectory::id).containsExactly("relay.jsonl", "relay.jsonl#Plan-1");
        assertThat(read.leftOut()).hasValueSatisfying(why -> assertThat(why).contains("missing field message.id")
                .endsWith("under data.message): that sub-agent, left out; the rest is read"));
    }

    @Test
    void a_relayed_sub_agent_whose_own_log_lies_beside_its_parents_is_left_to_that_log() throws IOException {
        Path file = TraceSamples.sidechainsAsAgentProgress(dir);
        Files.createDirectories(dir.resolve("relay/subagents"));
        Path own = Files.writeString(dir.resolve("relay/subagents/agent-aE.jsonl"), "{}\n");

        assertThat(format.read(file)).extracting(Trajectory::id).containsExactly("relay.jsonl", "relay.jsonl#Plan-1");
        // An empty one (a copy cut short, a log not yet written) holds none of its calls: the relayed lines do.
        Files.writeString(own, "");
        assertThat(format.read(file)).hasSize(3);
    }

    @Test
    void a_sub_agent_id_that_names_no_file_is_read_from_its_relayed_lines() throws IOException {
        Path file = TraceSamples.sidechainsAsAgentProgress(dir);
        Files.writeString(file, Files.readString(file).replace("\"agentId\":\"aE\"", "\"agentId\":\"../aE\\u0000\""));

        assertThat(format.read(file)).extracting(Trajectory::id)
                .containsExactly("relay.jsonl", "relay.jsonl#Explore-1", "relay.jsonl#Plan-1");
    }

    @Test
    void each_call_carries_its_own_model_and_its_message_and_request_id() {
        List<Trajectory> trajectories = format.read(SIDECHAINS);

        assertThat(trajectories.get(0).turns()).extracting(TrajectoryTurn::model)
                .containsOnly(java.util.Optional.of("claude-opus-4-6"));
        assertThat(trajectories.get(1).turns()).extracting(TrajectoryTurn::model)
                .containsOnly(java.util.Optional.of("claude-haiku-4-5-20251001"));
        assertThat(trajectories.get(0).turns().get(0).callId()).contains("msg_M1:req_M1");
    }

    @Test
    void responses_without_a_request_id_are_told_apart_by_their_input_and_each_responses_lines_stay_one_call()
            throws IOException {
        // A gateway between Claude Code and its model can name every response alike, without a request id.
        Path log = Files.write(dir.resolve("relay.jsonl"), List.of(
                "{\"type\":\"user\",\"sessionId\":\"s\",\"message\":{\"role\":\"user\",\"content\":\"go\"}}",
                relayed(100, 0, 1), relayed(100, 0, 30), relayed(20, 130, 5),
                // Anthropic names its requests: one whose server-side tools (a web search) add input as it goes on
                // counts more on its last line, and its request id keeps it one response.
                named(relayed(40, 0, 1)), named(relayed(60, 0, 9))));

        assertThat(read(log).turns()).extracting(turn -> turn.usage().orElseThrow()).containsExactly(
                new Usage(100, 0, 0, 30, 0), new Usage(20, 0, 130, 5, 0), new Usage(60, 0, 0, 9, 0));
    }

    private static String named(String line) {
        return line.replace("\"type\":\"assistant\",", "\"type\":\"assistant\",\"requestId\":\"req_1\",");
    }

    private static String relayed(long input, long read, long output) {
        return "{\"type\":\"assistant\",\"sessionId\":\"s\",\"message\":{\"id\":\"relay\",\"model\":"
                + "\"claude-sonnet-4-6\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}],\"usage\":{"
                + "\"input_tokens\":" + input + ",\"cache_read_input_tokens\":" + read + ",\"output_tokens\":"
                + output + "}}}";
    }

    @Test
    void one_hour_cache_writes_are_carried_as_their_part_of_the_writes() {
        TrajectoryTurn first = read(SIDECHAINS).turns().get(0);

        // Written on three lines with the same usage: counted once, all 1,000 writes 1-hour ones.
        assertThat(first.usage()).contains(new Usage(2, 1000, 500, 40, 0, 1000));
        assertThat(read(SIDECHAINS).cacheTtl()).contains(CacheLifetime.ONE_HOUR);
    }

    @ParameterizedTest
    @CsvSource({
        MAIN_SESSION + ", 152, 186",
        "claude-code-spotter/subagent.jsonl, 12, 16",
        SUBAGENT + ", 12, 33",
        "claude-code-spotter/fa812bfe-b295-4cca-9c2f-fdf01028cb46__subagent__agent-a93ccab.jsonl, 11, 25",
        "claude-code-spotter/8463c716-a2ea-4c14-9efa-87158ebd9f20__subagent__agent-a7be2f0.jsonl, 13, 19",
        CODEMIE_SESSION + ", 47, 65"
    })
    void reads_each_corpus_session_with_its_calls_results_and_usage(String name, int turns, int toolUses)
            throws IOException {
        Path file = Corpus.file(name);
        Responses expected = Responses.of(file);
        // The log's own context; a sub-agent its progress lines relay is read apart.
        Trajectory trajectory = format.read(file).get(0);

        assertThat(expected.count()).isEqualTo(turns);
        assertThat(expected.toolUses()).isEqualTo(toolUses);
        assertThat(trajectory.turns()).hasSize(turns);
        assertThat(trajectory.toolCalls()).isEqualTo(toolUses);
        assertThat(trajectory.turns()).allSatisfy(turn ->
                assertThat(turn.observations()).hasSameSizeAs(turn.action().toolCalls()));
        assertThat(trajectory.hasRecordedUsage()).isTrue();
        assertThat(total(trajectory)).isEqualTo(expected.usage());
        assertThat(trajectory.model()).isPresent();
        assertThat(trajectory.task()).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource({
        MAIN_SESSION + ", 258c7280-ae70-4798-800f-63464d01a85d.jsonl#claude-code-guide-1, 2",
        "claude-code-spotter/subagent.jsonl, subagent.jsonl#Plan-1, 5"
    })
    void corpus_sub_agents_whose_own_logs_are_missing_are_read_from_their_parents_progress_lines(String name,
            String relayed, int calls) {
        List<Trajectory> trajectories = format.read(Corpus.file(name));

        assertThat(trajectories).extracting(Trajectory::id).hasSize(2).element(1).isEqualTo(relayed);
        assertThat(trajectories.get(1).turns()).hasSize(calls);
        assertThat(trajectories.get(1).hasRecordedUsage()).isTrue();
    }

    @Test
    void the_usage_sums_of_the_corpus_sessions_are_those_documented() {
        Usage main = total(read(Corpus.file(MAIN_SESSION)));
        Usage codemie = total(read(Corpus.file(CODEMIE_SESSION)));

        assertThat(main.cacheRead()).isCloseTo(14_770_000L, within(5_000L));
        assertThat(main.cacheWrite()).isCloseTo(349_000L, within(500L));
        assertThat(codemie.cacheRead()).isCloseTo(2_560_000L, within(5_000L));
        assertThat(codemie.cacheWrite()).isCloseTo(1_470_000L, within(5_000L));
    }

    @Test
    void the_compacted_corpus_session_hands_its_summary_to_the_next_turn() {
        Trajectory trajectory = read(Corpus.file(MAIN_SESSION));

        assertThat(trajectory.task()).isEqualTo("Implement spotter-gqc");
        assertThat(trajectory.turns()).flatMap(TrajectoryTurn::userMessages).map(UserText::text)
                .filteredOn(text -> text.startsWith("This session is being continued from a previous conversation"))
                .hasSize(1);
    }

    private static Usage total(Trajectory trajectory) {
        return trajectory.turns().stream().map(turn -> turn.usage().orElseThrow()).reduce(Usage.ZERO, Usage::plus);
    }

    /**
     * What a session's API responses add up to, walked from the JSON independently of the importer: the input and
     * cache counts (with the 1-hour part of the writes) of each message id and request id once, and the output count
     * of its last line; Claude Code's own notices (model {@code <synthetic>}) are no responses.
     */
    private record Responses(int count, int toolUses, Usage usage) {
        static Responses of(Path file) throws IOException {
            return byContext(file).values().stream().reduce((a, b) -> new Responses(a.count + b.count,
                    a.toolUses + b.toolUses, a.usage.plus(b.usage))).orElseThrow();
        }

        /** Responses per context: "main", and each inline sidechain by the uuid of its chain's first line. */
        static Map<String, Responses> byContext(Path file) throws IOException {
            Map<String, Map<String, JsonNode>> first = new LinkedHashMap<>();
            Map<String, JsonNode> last = new HashMap<>();
            Map<String, Integer> toolUses = new HashMap<>();
            Map<String, String> chain = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                JsonNode json = Json.mapper().readTree(line);
                String uuid = json.path("uuid").asText();
                String context = "main";
                if (json.path("isSidechain").asBoolean() && !json.has("agentId")) {
                    context = chain.getOrDefault(json.path("parentUuid").asText(), uuid);
                    chain.put(uuid, context);
                }
                if (json.path("type").asText().equals("assistant")
                        && !json.at("/message/model").asText().equals("<synthetic>")) {
                    String id = json.at("/message/id").asText() + ":" + json.path("requestId").asText();
                    first.computeIfAbsent(context, c -> new LinkedHashMap<>()).putIfAbsent(id, json.at("/message/usage"));
                    last.put(id, json.at("/message/usage"));
                    for (JsonNode block : json.at("/message/content")) {
                        toolUses.merge(context, block.path("type").asText().equals("tool_use") ? 1 : 0, Integer::sum);
                    }
                }
            }
            Map<String, Responses> contexts = new LinkedHashMap<>();
            first.forEach((context, usages) -> {
                long output = usages.keySet().stream().mapToLong(id -> last.get(id).path("output_tokens").asLong()).sum();
                Usage usage = new Usage(
                        sum(usages.values(), "/input_tokens"),
                        sum(usages.values(), "/cache_creation_input_tokens"),
                        sum(usages.values(), "/cache_read_input_tokens"),
                        output,
                        0,
                        sum(usages.values(), "/cache_creation/ephemeral_1h_input_tokens"));
                contexts.put(context, new Responses(usages.size(), toolUses.getOrDefault(context, 0), usage));
            });
            return contexts;
        }

        private static long sum(Iterable<JsonNode> usages, String pointer) {
            long sum = 0;
            for (JsonNode usage : usages) {
                sum += usage.at(pointer).asLong();
            }
            return sum;
        }
    }
}
