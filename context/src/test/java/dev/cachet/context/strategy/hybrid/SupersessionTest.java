package dev.cachet.context.strategy.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.Message;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import dev.cachet.context.message.UserText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SupersessionTest {
    private final Supersession supersession = new Supersession();

    /** One turn per call, each followed by its result, as a session records them. */
    private static List<Message> turns(ToolCall... calls) {
        List<Message> messages = new ArrayList<>();
        messages.add(new UserText("task"));
        for (ToolCall call : calls) {
            messages.add(AssistantTurn.calls("", call));
            messages.add(new ToolResult(call.id(), call.name(), "output of " + call.id(), false));
        }
        return messages;
    }

    private static ToolCall call(String id, String name, String arguments) {
        return new ToolCall(id, name, arguments);
    }

    /** Ids of the superseded calls; ids are unique in these sessions. */
    private Set<String> superseded(List<Message> messages) {
        return supersession.superseded(messages).stream().map(ToolCall::id).collect(Collectors.toSet());
    }

    private static ToolCall read(String id, String path) {
        return call(id, "read_file", "{\"path\":\"" + path + "\"}");
    }

    @Test
    void the_same_command_run_again_supersedes_the_earlier_run() {
        assertThat(superseded(turns(
                call("a", "run_command", "{\"command\":\"mvn test\"}"),
                call("b", "grep", "{\"pattern\":\"x\"}"),
                call("c", "run_command", "{\"command\":\"mvn test\"}"),
                call("d", "run_command", "{\"command\":\"mvn test\"}")))).containsExactlyInAnyOrder("a", "c");
    }

    @Test
    void different_arguments_or_another_tool_do_not_supersede() {
        assertThat(superseded(turns(
                call("a", "run_command", "{\"command\":\"mvn test\"}"),
                call("b", "run_command", "{\"command\":\"mvn verify\"}"),
                call("c", "grep", "{\"command\":\"mvn test\"}"),
                call("d", "run_command", "{\"command\": \"mvn test\"}")))).isEmpty();
    }

    @Test
    void a_later_read_edit_or_write_of_the_same_path_supersedes_a_read() {
        assertThat(superseded(turns(
                read("r1", "src/A.java"),
                read("r2", "src/A.java"),
                read("r3", "src/B.java"),
                call("e1", "edit_file", "{\"path\":\"src/B.java\",\"old\":\"x\",\"new\":\"y\"}"),
                read("r4", "src/C.java"),
                call("w1", "write_file", "{\"path\":\"src/C.java\",\"content\":\"z\"}"),
                read("r5", "src/D.java")))).containsExactlyInAnyOrder("r1", "r3", "r4");
    }

    @Test
    void a_read_of_another_line_range_of_the_same_file_still_supersedes_as_documented() {
        assertThat(superseded(turns(
                call("r1", "read_file", "{\"path\":\"src/A.java\",\"start\":1,\"end\":50}"),
                call("r2", "read_file", "{\"path\":\"src/A.java\",\"start\":400,\"end\":450}")))).containsExactly("r1");
    }

    @Test
    void an_edit_output_is_never_superseded_but_supersedes_earlier_reads_of_its_file() {
        String edit = "{\"path\":\"src/A.java\",\"old\":\"x\",\"new\":\"y\"}";
        assertThat(superseded(turns(
                call("e1", "edit_file", edit),
                read("r1", "src/A.java"),
                call("e2", "edit_file", "{\"path\":\"src/A.java\",\"old\":\"y\",\"new\":\"z\"}"),
                call("e3", "edit_file", edit),
                read("r2", "src/A.java")))).containsExactly("r1");
    }

    @Test
    void a_file_tool_call_without_a_usable_path_falls_back_to_exact_arguments() {
        assertThat(superseded(turns(
                call("a", "read_file", "not json"),
                call("b", "read_file", "{\"path\":\"src/A.java\"}"),
                call("c", "read_file", "not json"),
                call("d", "read_file", "{\"path\":42}"),
                call("e", "read_file", "{\"path\":42}")))).containsExactlyInAnyOrder("a", "d");
    }

    @Test
    void the_latest_call_and_a_session_without_calls_have_nothing_superseded() {
        assertThat(superseded(turns(read("only", "src/A.java")))).isEmpty();
        assertThat(superseded(List.of(new UserText("task"), AssistantTurn.text("done")))).isEmpty();
        assertThat(superseded(List.of())).isEmpty();
    }

    @Test
    void calls_of_earlier_turns_are_superseded_by_calls_of_a_later_multi_call_turn() {
        List<Message> messages = new ArrayList<>(turns(read("r1", "src/A.java"), call("t1", "run_command", "{\"command\":\"make\"}")));
        messages.add(AssistantTurn.calls("", read("r2", "src/A.java"), call("t2", "run_command", "{\"command\":\"make\"}")));

        assertThat(superseded(messages)).containsExactlyInAnyOrder("r1", "t1");
    }

    @Test
    void within_one_turn_the_later_call_supersedes_the_earlier_one() {
        List<Message> messages = List.of(new UserText("task"),
                AssistantTurn.calls("", read("r1", "src/A.java"), read("r2", "src/A.java")),
                AssistantTurn.calls("", read("r3", "src/B.java"), call("e3", "edit_file", "{\"path\":\"src/B.java\"}")));

        assertThat(superseded(messages)).containsExactlyInAnyOrder("r1", "r3");
    }
}
