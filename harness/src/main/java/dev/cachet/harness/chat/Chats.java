package dev.cachet.harness.chat;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.harness.view.Style;
import dev.cachet.tools.Workspace;
import dev.cachet.tools.sandbox.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.jline.terminal.Terminal;

/** Puts a chat together from its parts; the CLI and tests alike. */
public final class Chats {
    private Chats() {}

    /**
     * @param strategies a strategy by name, with the user's parameters for it
     * @param coreTools what {@code /tools} lists before a session is open
     * @param input the prompt, given the slash commands' names to complete
     */
    public static Chat create(ChatSession session, PrintWriter out, Style style,
            Function<String, ConfiguredStrategy> strategies, List<ToolSpec> coreTools, Sandbox sandbox,
            Function<List<String>, ChatInput> input) {
        WorkspaceDiff diff = new WorkspaceDiff(new Workspace(session.spec().workspace()), sandbox, style);
        SlashCommands commands = new SlashCommands(session, out, style, strategies, diff, coreTools);
        return new Chat(input.apply(commands.names()), out, style, session, commands);
    }

    /**
     * The prompt on a terminal, its history in {@code history}, completing {@code commands}; the view's {@code lines}
     * go above it from now on.
     */
    public static ChatInput input(Terminal terminal, Path history, List<String> commands, PromptLines lines) {
        JLineInput input = new JLineInput(terminal, history, commands);
        lines.above(input);
        return input;
    }
}
