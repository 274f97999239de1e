package dev.cachet.harness.cli;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.ToolSpec;
import dev.cachet.harness.Harness;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "tools", mixinStandardHelpOptions = true,
        description = "List the tools the agent can call and what their schemas cost in tokens on every request.")
final class ToolsCommand extends Subcommand implements Callable<Integer> {
    @Override
    public Integer call() {
        PrintWriter out = out();
        Harness harness = harness();
        TokenCounter counter = harness.counter();
        int total = 0;
        out.printf("%-12s %7s  %s%n", "tool", "tokens", "description");
        for (ToolSpec tool : harness.tools().specs()) {
            int tokens = counter.count(tool);
            total += tokens;
            out.printf("%-12s %7d  %s%n", tool.name(), tokens, firstSentence(tool.description()));
        }
        out.printf("%-12s %7d  (sent with every request; cached after the first)%n", "total", total);
        return ExitCodes.OK;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
