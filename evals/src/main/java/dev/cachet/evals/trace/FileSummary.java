package dev.cachet.evals.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a usage report keeps of one log file: the summary of each trajectory in it, and where a reader that knows
 * the format can go on from if the file grows (a live session's log is appended to).
 *
 * @param summaries the file's trajectories, in the order its importer reads them
 * @param resume    where the read stopped and the reader's state there; empty when the file must be read anew
 */
public record FileSummary(List<TraceSummary> summaries, Optional<Resume> resume) {
    public FileSummary {
        summaries = List.copyOf(summaries);
        Objects.requireNonNull(resume, "resume");
    }

    /**
     * @param offset the byte offset after the last complete line read
     * @param lines  how many lines (blank ones too) came before it
     * @param state  the reader's state after that line, in the reader's own encoding
     */
    public record Resume(long offset, int lines, byte[] state) {
        public Resume {
            Objects.requireNonNull(state, "state");
        }
    }
}
