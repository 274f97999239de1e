package dev.cachet.harness.view;

import dev.cachet.harness.loop.Pings;
import dev.cachet.providers.session.SessionEvent;
import dev.cachet.providers.session.SessionListener;
import java.io.PrintWriter;
import java.util.Optional;

/** Only the end of a session: its summary and what to type to go on; warnings still go to stderr. */
public final class QuietView implements SessionListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final GoOn goOn;
    private Pings pings = Pings.NONE;

    public QuietView(PrintWriter out, PrintWriter err, Optional<ResumeHint> hint) {
        this.out = out;
        this.err = err;
        this.goOn = new GoOn(hint);
    }

    @Override
    public void on(SessionEvent event) {
        goOn.follow(event);
        if (event instanceof SessionEvent.Resumed resumed) {
            // The end's summary tells the whole session's pings, as its totals hold them.
            pings = new Pings(resumed.pings(), resumed.pingCostUsd());
        } else if (event instanceof SessionEvent.Pinged ping) {
            pings = pings.plus(ping.costUsd());
        } else if (event instanceof SessionEvent.Warned warned) {
            err.println("warning: " + warned.message());
            err.flush();
        } else if (event instanceof SessionEvent.Stopped stopped) {
            out.println(StopSummary.of(stopped, pings, Style.PLAIN));
            goOn.after(stopped).ifPresent(out::println);
            out.flush();
        }
    }
}
