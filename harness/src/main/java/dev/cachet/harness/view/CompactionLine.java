package dev.cachet.harness.view;

import dev.cachet.context.window.Compaction;
import java.util.Locale;

/**
 * A strategy compacted the window: what it removed, what it costs (the tokens after the last kept breakpoint are
 * written to the cache again), and the net saving it predicted over the rest of the session.
 */
public final class CompactionLine {
    private CompactionLine() {}

    public static String of(Compaction c, Style style) {
        String saving = c.predictedNetSaving() > 0
                ? String.format(Locale.ROOT, "; predicted to save %,.0f input tokens net", c.predictedNetSaving())
                : "";
        return style.yellow(String.format(Locale.ROOT,
                "compacted (%s): removed %,d tokens from the window; cache kept %,d, %,d written again%s",
                c.kind(), c.removedTokens(), c.keptTokens(), c.rewrittenTokens(), saving));
    }
}
