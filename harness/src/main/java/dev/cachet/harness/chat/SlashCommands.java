package dev.cachet.harness.chat;

import dev.cachet.context.message.ToolSpec;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.window.Compaction;
import dev.cachet.harness.InputException;
import dev.cachet.harness.OpenSession;
import dev.cachet.harness.view.Style;
import dev.cachet.harness.view.TerminalText;
import dev.cachet.providers.pricing.ModelPrice;
import dev.cachet.tools.ToolException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The chat's slash commands, each a line of help and a small action over the chat's session. {@code /exit} and
 * {@code /plan TASK} are the chat's own, as they end it or send a task.
 */
final class SlashCommands {
    /** One command: what to type, what it does. */
    record Command(String name, String usage, String help, Action action) {}

    @FunctionalInterface
    interface Action {
        void run(String args) throws ToolException;
    }

    private final ChatSession chat;
    private final PrintWriter out;
    private final Style style;
    private final Function<String, ConfiguredStrategy> strategies;
    private final WorkspaceDiff diff;
    private final List<ToolSpec> coreTools;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * @param strategies a strategy by name with the user's parameters for it; throws {@link InputException} for an
     *     unknown name
     */
    SlashCommands(ChatSession chat, PrintWriter out, Style style,
            Function<String, ConfiguredStrategy> strategies, WorkspaceDiff diff, List<ToolSpec> coreTools) {
        this.chat = chat;
        this.out = out;
        this.style = style;
        this.strategies = strategies;
        this.diff = diff;
        this.coreTools = coreTools;
        add("/context", "", "the last request's window by segment, its cache breakpoints, what was cached", a -> context());
        add("/cost", "", "tokens by kind, cost, cache hit rate, burn rate", a -> cost());
        add("/compact", "", "compact the window now: shows the predicted cost and saving, then asks", a -> { });
        add("/strategy", "[NAME]", "show the context strategy, or switch to NAME from the next request", this::strategy);
        add("/state", "", "the task state: goal, plan, files, facts, last error", a -> state());
        add("/plan", "[TASK]", "send TASK, planned first in a turn without tools; alone, show the plan", a -> { });
        add("/tools", "", "the tools the model is offered", a -> tools());
        add("/diff", "", "git diff of the workspace against HEAD", a -> print(diff.show()));
        add("/undo", "", "revert the last file change the agent made (edit_file, write_file)", a -> undo());
        add("/resume", "[ID]", "go on with a logged session (default: the one active last)", a -> resume(a));
        add("/help", "", "this list", a -> help());
        add("/exit", "", "end the chat with its summary (or Ctrl-D)", a -> { });
    }

    /** The names, for the prompt to complete. */
    List<String> names() {
        return List.copyOf(commands.keySet());
    }

    /**
     * Runs a command line such as {@code /strategy masking}; an unknown one says so.
     *
     * @param input where {@code /compact} asks whether to go ahead
     */
    void run(String line, ChatInput input) {
        String name = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String args = line.length() > name.length() ? line.substring(name.length()).strip() : "";
        Command command = commands.get(name);
        if (command == null) {
            out.println(style.red("unknown command " + name + "; /help lists them"));
            return;
        }
        try {
            if (name.equals("/compact")) {
                compact(input);
            }
            command.action().run(args);
        } catch (ToolException | InputException e) {
            out.println(style.red(name + ": " + e.getMessage()));
        }
        out.flush();
    }

    private void add(String name, String usage, String help, Action action) {
        commands.put(name, new Command(name, usage, help, action));
    }

    private Optional<OpenSession> session(String what) {
        if (chat.open().isEmpty()) {
            out.println("no session yet: type a task first; " + what + " needs one");
        }
        return chat.open();
    }

    private void context() {
        session("/context").ifPresent(open -> open.lastWindow().ifPresentOrElse(
                window -> print(ContextReport.of(window, chat.burn().flatMap(Burn::last), open.strategy().info().name(), style)),
                () -> out.println("no request sent yet")));
    }

    private void cost() {
        session("/cost").ifPresent(open -> print(CostReport.of(open, chat.burn().orElseThrow())));
    }

    private void compact(ChatInput input) {
        Optional<OpenSession> open = session("/compact");
        if (open.isEmpty()) {
            return;
        }
        if (!open.get().compactsOnRequest()) {
            out.println("strategy " + open.get().strategy().info().name() + " compacts on its own schedule only; "
                    + "/strategy hybrid compacts on request");
            return;
        }
        Optional<Compaction> preview = open.get().compactionPreview();
        if (preview.isEmpty()) {
            out.println("nothing to compact: no older observation or turn would go");
            return;
        }
        Compaction c = preview.get();
        int window = open.get().lastWindow().map(w -> w.tokens()).orElse(0);
        ModelPrice price = open.get().price().forPrompt(window);
        double perToken = price.input() * 1e-6;
        double rewrite = c.rewrittenTokens() * (price.cacheWrite5m() - price.cacheRead()) * 1e-6;
        out.println(String.format(Locale.ROOT, "%s would remove %,d tokens of %,d-token window; the %,d tokens after "
                + "the first change are written to the cache again (about $%.4f more on the next request); predicted "
                + "net saving over the turns expected: $%.4f", c.kind(), c.removedTokens(), window, c.rewrittenTokens(),
                rewrite,
                c.predictedNetSaving() * perToken));
        ChatInput.Input answer = input.read("compact now? [y/N] ");
        if (answer instanceof ChatInput.Input.Line line && line.text().strip().toLowerCase(Locale.ROOT).startsWith("y")) {
            open.get().compactNext();
            out.println("the next request's window is compacted (" + c.kind() + ")");
        } else {
            out.println("not compacted");
        }
    }

    private void strategy(String name) {
        String current = chat.open().map(o -> o.strategy().info().name()).orElse(chat.spec().strategy());
        if (name.isEmpty()) {
            out.println("strategy " + current + "; /strategy NAME switches ('cachet strategies' lists them)");
            return;
        }
        ConfiguredStrategy next = strategies.apply(name);
        if (chat.open().isPresent()) {
            chat.open().get().switchStrategy(next);
            out.println("strategy " + current + " -> " + next.info().name() + " from the next request; its first window "
                    + "may write the cached prefix anew");
        } else {
            chat.respec(chat.spec().withStrategy(next.info().name(), next.params().values()));
            out.println("strategy " + current + " -> " + next.info().name());
        }
    }

    private void state() {
        // What the model wrote, colours shown: it could fake cachet's own lines.
        session("/state").ifPresent(open -> out.print(TerminalText.uncoloured(open.session().state().render())));
    }

    /** The plan of the task state, with each step's status; {@code /plan} alone. */
    void plan() {
        session("/plan").ifPresent(open -> {
            List<PlanStep> plan = open.session().state().plan();
            if (plan.isEmpty()) {
                out.println("no plan: /plan TASK has the model plan TASK first");
            }
            for (int i = 0; i < plan.size(); i++) {
                out.println(String.format(Locale.ROOT, "%d. [%s] %s", i + 1, plan.get(i).status().label(),
                        TerminalText.uncoloured(plan.get(i).text())));
            }
        });
    }

    private void tools() {
        List<ToolSpec> specs = chat.open().map(o -> o.tools().specs()).orElse(coreTools);
        for (ToolSpec spec : specs) {
            String description = spec.description().lines().findFirst().orElse("");
            out.println(String.format(Locale.ROOT, "  %-18s %s", spec.name(),
                    description.length() > 90 ? description.substring(0, 87) + "..." : description));
        }
    }

    private void undo() throws ToolException {
        Optional<String> undone = chat.changes().isPresent() ? chat.changes().get().undo() : Optional.empty();
        if (undone.isEmpty()) {
            out.println("nothing to undo: the agent changed no file with edit_file or write_file");
            return;
        }
        out.println(undone.get());
        chat.note("(The user undid a change of yours: " + undone.get() + ".)");
    }

    private void resume(String id) {
        chat.resume(id.isEmpty() ? Optional.empty() : Optional.of(id));
    }

    private void help() {
        for (Command command : commands.values()) {
            out.println(String.format(Locale.ROOT, "  %-20s %s", (command.name() + " " + command.usage()).strip(),
                    command.help()));
        }
        out.println("  anything else is a task, or a follow-up to the one under way; end a line with \\ to go on on "
                + "the next. Ctrl-C stops the turn under way, Ctrl-D ends the chat.");
    }

    private void print(List<String> lines) {
        lines.forEach(out::println);
    }
}
