package dev.cachet.harness.chat;

import dev.cachet.context.window.Breakpoint;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.harness.view.Style;
import dev.cachet.providers.Usage;
import dev.cachet.providers.session.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /context}: the window the last request sent, by segment with its tokens; where its cache breakpoints are,
 * each with the prefix it caches; and how much of that request the provider read from its cache.
 */
final class ContextReport {
    private ContextReport() {}

    static List<String> of(Window window, Optional<SessionEvent.ModelResponded> last, String strategy, Style style) {
        List<String> lines = new ArrayList<>();
        lines.add(style.bold(String.format(Locale.ROOT, "window of the last request: %,d tokens, strategy %s",
                window.tokens(), strategy)));
        for (Map.Entry<SegmentKind, Integer> segment : window.tokensBySegment().entrySet()) {
            lines.add(String.format(Locale.ROOT, "  %-8s %,9d tokens", segment.getKey().label(), segment.getValue()));
        }
        int messages = window.messages().size();
        if (window.breakpoints().isEmpty()) {
            lines.add("breakpoints: none: the provider caches on its own, or nothing");
        }
        for (Breakpoint breakpoint : window.breakpoints()) {
            lines.add(String.format(Locale.ROOT, "breakpoint after message %d of %d: caches the first %,d tokens",
                    breakpoint.messages(), messages, breakpoint.tokens()));
        }
        last.ifPresent(answer -> {
            Usage u = answer.usage();
            double hit = u.input() == 0 ? 0 : 100.0 * u.cacheRead() / u.input();
            lines.add(String.format(Locale.ROOT, "cached: turn %d read %,d tokens from the cache (%.0f%%), wrote %,d, "
                    + "sent %,d uncached", answer.turn(), u.cacheRead(), hit, u.cacheWrite(), u.uncachedInput()));
        });
        window.compaction().ifPresent(c -> lines.add(String.format(Locale.ROOT,
                "compacted this turn: %s removed %,d tokens", c.kind(), c.removedTokens())));
        return lines;
    }
}
