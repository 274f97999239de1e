package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;
import java.nio.file.Path;
import java.util.List;

/** One harness's log format: recognises its files from their first bytes and reads them into trajectories. */
public interface TraceFormat {
    /** A short name used in reports and errors, such as {@code claude-code}. */
    String label();

    /** What a file of this format looks like, for the error shown when no format matches. */
    String expected();

    /**
     * Whether a file that starts with {@code head} (its first few kilobytes, decoded as UTF-8; possibly cut
     * mid-line) is of this format. Must be cheap and must not claim other formats' files.
     */
    boolean recognises(Path file, FileHead head);

    /** Every session in the file (most formats hold one); errors are {@link TraceFormatException}s naming the file. */
    List<Trajectory> read(Path file);

    /**
     * What usage reports keep of every session in the file, tokens counted with {@code counter}: its trajectories
     * summarised, and whatever else its log bills that is no turn of a trajectory.
     */
    default List<TraceSummary> summaries(Path file, TokenCounter counter) {
        return read(file).stream().map(trajectory -> TraceSummary.of(trajectory, counter)).toList();
    }
}
