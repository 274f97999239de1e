package dev.cachet.harness.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachet.context.Json;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.ToolCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Model answers for {@code --model replay:}, one {@code model_response} line each, as a recording holds them. */
final class Recording {
    private Recording() {}

    static Path write(Path file, AssistantTurn... turns) throws IOException {
        List<String> lines = new ArrayList<>();
        for (AssistantTurn turn : turns) {
            ObjectNode line = Json.mapper().createObjectNode().put("type", "model_response");
            line.set("message", Json.mapper().valueToTree(turn));
            lines.add(line.toString());
        }
        return Files.write(file, lines);
    }

    static AssistantTurn call(String id, String tool, String arguments) {
        return AssistantTurn.calls("", new ToolCall(id, tool, arguments));
    }

    static AssistantTurn command(String id, String command) {
        return call(id, "run_command", Json.mapper().createObjectNode().put("command", command).toString());
    }

    static AssistantTurn finish(String id) {
        return call(id, "finish", "{\"summary\":\"done\"}");
    }
}
