package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads log files into {@link FileSummary}s for usage reports. Claude Code logs and Codex rollouts, the big ones, are
 * streamed line by line keeping no content ({@link ClaudeCodeSummaryReader}, {@link CodexSummaryReader}); every other
 * format, and any file a stream reader is not sure of, is read whole by its importer and summarised, so both ways give
 * the same summaries.
 */
public final class TraceSummaries {
    private final TokenCounter counter;
    private final boolean resumable;
    private final boolean sizesResults;
    private final AtomicLong bytesParsed = new AtomicLong();
    private final ClaudeCodeSummaryReader claudeCode;
    private final CodexSummaryReader codex;

    /**
     * A reader whose summaries come with the state to read on from and size the tool results.
     *
     * @param counter counts tool results' and tool schemas' tokens; it must be safe to share between threads
     */
    public TraceSummaries(TokenCounter counter) {
        this(counter, true, true);
    }

    private TraceSummaries(TokenCounter counter, boolean resumable, boolean sizesResults) {
        this.counter = counter;
        this.resumable = resumable;
        this.sizesResults = sizesResults;
        this.claudeCode = new ClaudeCodeSummaryReader(counter, bytesParsed, resumable, sizesResults);
        this.codex = new CodexSummaryReader(counter, bytesParsed, sizesResults);
    }

    /**
     * This reader for summaries that no cache keeps ({@code stats --no-cache}): they come without the state to resume
     * from, whose encoding would be wasted work.
     */
    public TraceSummaries withoutResume() {
        return new TraceSummaries(counter, false, sizesResults);
    }

    /**
     * This reader for reports that show no tool result's size (by period or block): the streaming readers skip the
     * results instead of tokenizing them, most of the work of reading a log. A log they give up on is still read
     * whole, sized.
     */
    public TraceSummaries withoutResultSizes() {
        return new TraceSummaries(counter, resumable, false);
    }

    /** Whether summaries read earlier (by a reader that may not have sized the results) serve this reader's reports. */
    public boolean serves(List<TraceSummary> earlier) {
        return !sizesResults || earlier.stream().allMatch(summary -> summary.resultTokens().isPresent());
    }

    /** A file's summary, read from its start in {@code format}, as {@link TraceFiles.Found#format} gives it. */
    public FileSummary read(Path file, TraceFormat format) {
        return read(file, format, Optional.empty());
    }

    /**
     * A file's summary, read on from {@code previous}'s resume point where it has one that this reader can take up
     * (the file grew since); errors are {@link TraceFormatException}s naming the file.
     */
    public FileSummary read(Path file, TraceFormat format, Optional<FileSummary.Resume> previous) {
        try {
            if (format.label().equals(ClaudeCodeFormat.LABEL)) {
                return claudeCode.read(file, previous);
            }
            if (format.label().equals(CodexFormat.LABEL)) {
                return codex.read(file);
            }
        } catch (RuntimeException unsure) {
            // The importer decides: it reads the same summaries, or fails with the error that names the line.
        }
        return new FileSummary(format.summaries(file, counter), Optional.empty());
    }

    /** Bytes of lines the streaming readers parsed since this instance was made. */
    public long bytesParsed() {
        return bytesParsed.get();
    }
}
