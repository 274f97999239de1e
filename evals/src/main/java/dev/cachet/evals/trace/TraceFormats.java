package dev.cachet.evals.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every format cachet imports, and detection of a file's format from its first bytes. */
public final class TraceFormats {
    /** Enough of a file to see its first line or its top-level keys. */
    static final int HEAD_CHARS = 8192;
    /** A first line read whole where the head ends inside it and no format recognised that much. */
    private static final int FIRST_LINE_CHARS = 1 << 20;

    private static final List<TraceFormat> ALL = List.of(new CachetLogFormat(), new ClaudeCodeFormat(),
            new CodexFormat(), new SweAgentFormat(), new MiniSweAgentFormat(), new OpenHandsFormat());

    private TraceFormats() {}

    public static List<TraceFormat> all() {
        return ALL;
    }

    /** The format of this {@link TraceFormat#label()}, if cachet has one. */
    public static Optional<TraceFormat> labelled(String label) {
        return ALL.stream().filter(format -> format.label().equals(label)).findFirst();
    }

    /** The format of this file, if any claims it. */
    public static Optional<TraceFormat> detect(Path file) {
        return detect(file, FileHead.lent(file));
    }

    /**
     * The first format that recognises the head, each asked of the same one; where none does and the head ends inside
     * the first line, of that line read whole (up to a mebibyte): a Codex rollout's first line is tens of kilobytes,
     * and with its keys sorted the ones that name it come last.
     */
    private static Optional<TraceFormat> detect(Path file, FileHead head) {
        Optional<TraceFormat> found = recognising(file, head);
        return found.isPresent() || !head.cutInFirstLine() ? found
                : recognising(file, FileHead.read(file, FIRST_LINE_CHARS));
    }

    private static Optional<TraceFormat> recognising(Path file, FileHead head) {
        for (TraceFormat format : ALL) {
            if (format.recognises(file, head)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Every session in the file, in whichever format it is; an error naming the file when none matches. */
    public static List<Trajectory> read(Path file) {
        return of(file).read(file);
    }

    /** The format of a file that is there and not empty; an error naming the file otherwise. */
    static TraceFormat of(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TraceFormatException("trajectory not found: " + file);
        }
        FileHead head = FileHead.lent(file);
        if (head.isBlank()) {
            throw new TraceFormatException(file + ": empty file");
        }
        return detect(file, head).orElseThrow(() -> new TraceFormatException(file
                + ": not a known trajectory format; expected one of: "
                + ALL.stream().map(f -> f.label() + " (" + f.expected() + ")").collect(Collectors.joining(", "))));
    }
}
