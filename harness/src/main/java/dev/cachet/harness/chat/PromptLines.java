package dev.cachet.harness.chat;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a chat's view writes its whole lines. Some come while the user types at the prompt (a keep-alive ping, a
 * warning from its thread): once the prompt exists they go above it, which draws the prompt again below with what
 * the user had typed; before, straight out.
 */
public final class PromptLines implements Consumer<String> {
    private final PrintWriter out;
    private volatile JLineInput prompt;

    public PromptLines(PrintWriter out) {
        this.out = out;
    }

    /** From now on lines go above this prompt; it prints them straight out while nobody types at it. */
    void above(JLineInput input) {
        this.prompt = input;
    }

    @Override
    public void accept(String line) {
        JLineInput input = prompt;
        if (input == null) {
            out.println(line);
        } else {
            input.printAbove(line);
        }
    }
}
