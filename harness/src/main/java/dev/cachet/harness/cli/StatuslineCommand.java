package dev.cachet.harness.cli;

import dev.cachet.evals.stats.Call;
import dev.cachet.evals.stats.CallPricer;
import dev.cachet.evals.stats.status.StatusInput;
import dev.cachet.evals.stats.status.StatusLine;
import dev.cachet.evals.stats.status.TranscriptCalls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "statusline", mixinStandardHelpOptions = true,
        description = {
            "One line for Claude Code's status bar: model, context window used, session cost (each call at its own "
                    + "model and cache TTL), cache hit rate, burn rate, and whether the prompt cache is still warm: "
                    + "if not, what the next turn pays to write it again.",
            "",
            "Reads Claude Code's statusline JSON on stdin and only the current session's transcript. Set it in "
                    + "~/.claude/settings.json: \"statusLine\": {\"type\": \"command\", \"command\": \"cachet statusline\"}. "
                    + "Input it cannot read gives a short line and exit 0: a statusline must never break the prompt."})
final class StatuslineCommand extends Subcommand implements Callable<Integer>, ConfigFree {
    /** Printed when the input or the transcript cannot be read. */
    static final String FALLBACK = "cachet: no session data";

    @Override
    public Integer call() {
        String line;
        try {
            StatusInput input = StatusInput.parse(new String(root.stdin().readAllBytes(), StandardCharsets.UTF_8));
            // A session's first status line comes before Claude Code has written its transcript.
            Optional<Path> transcript = input.transcript().filter(Files::isRegularFile);
            List<Call> calls = transcript.isPresent() ? TranscriptCalls.read(transcript.get()) : List.of();
            line = StatusLine.render(input, calls, clock().instant(), new CallPricer(root.prices()::price));
        } catch (IOException | RuntimeException e) {
            // Whatever went wrong, the prompt keeps its status bar; the reason goes to stderr, which Claude Code hides.
            err().println("cachet statusline: " + e.getMessage());
            line = FALLBACK;
        }
        out().println(line);
        out().flush();
        return ExitCodes.OK;
    }
}
