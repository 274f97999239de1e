package dev.cachet.evals.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cachet.context.Json;
import dev.cachet.evals.trace.IoReasons;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The results of an eval, {@code results.jsonl}: one {@link RunRecord} per line, each appended, flushed and fsync'd
 * as its run finishes, so a killed eval loses at most the line being written. A line is complete once its newline
 * is written: a last line without one is that torn write, ignored and cut off, and its run done again. A run that
 * errored (a setup that failed, a provider down) is not done: a resume runs it again, and its later record stands
 * for it.
 */
public final class ResultsFile implements AutoCloseable {
    public static final String NAME = "results.jsonl";
    // Every field is always written, null included: a line missing one was not written by this class.
    private static final ObjectReader READER = Json.mapper().readerFor(RunRecord.class)
            .with(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                    DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Path path;
    private final FileChannel channel;
    // Each run's last record by its key, in the order they were last written.
    private final Map<String, RunRecord> records;

    private ResultsFile(Path path, FileChannel channel, Map<String, RunRecord> records) {
        this.path = path;
        this.channel = channel;
        this.records = records;
    }

    /**
     * Opens {@code outDir/results.jsonl} for appending, creating it, and holds it locked until closed.
     *
     * @param resume go on with the results already there; without it, a file that holds any is an error, so that
     *               results are never overwritten or mixed by accident
     * @throws ResultsFileException if the file holds results and {@code resume} is false, if another eval is
     *                              writing it, or if a line other than the last is malformed (naming file:line)
     */
    public static ResultsFile open(Path outDir, boolean resume) {
        Path path = outDir.resolve(NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(outDir);
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            lock(channel, path);
            if (!resume && channel.size() > 0) {
                throw new ResultsFileException(path + " already holds results: pass --resume to finish that eval,"
                        + " or pick another --out");
            }
            // Through the locked channel: closing another handle on the file would drop the lock.
            Contents contents = parse(path, readAll(channel));
            // Appending after a torn line would glue the next record to it.
            channel.truncate(contents.completeBytes());
            channel.position(contents.completeBytes());
            channel.force(false);
            return new ResultsFile(path, channel, contents.records());
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            throw new UncheckedIOException("cannot open results file " + path + ": " + IoReasons.of(e), e);
        } catch (RuntimeException e) {
            closeAfterFailure(channel, e);
            throw e;
        }
    }

    /**
     * The records of a results file, for reports; a torn last line is left out.
     *
     * @throws ResultsFileException if a line other than the last is malformed, naming file:line
     */
    public static List<RunRecord> read(Path file) {
        try {
            return List.copyOf(parse(file, Files.readAllBytes(file)).records().values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read results file " + file, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Every run's last record, those found on opening first, then those appended, in file order. */
    public synchronized List<RunRecord> records() {
        return List.copyOf(records.values());
    }

    /** The runs done: recorded without an error. */
    public synchronized Set<String> completedKeys() {
        return records.values().stream().filter(record -> record.error() == null).map(RunRecord::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @throws ResultsFileException if a record was made by another eval: of a task {@code plan} does not have (another
     *     suite), or with a model none of its runs uses; resumed, its reports would mix the two
     */
    public synchronized void refuseAnotherEval(List<PlannedRun> plan, String defaultModel) {
        Set<String> tasks = plan.stream().map(run -> run.task().id()).collect(Collectors.toSet());
        Set<String> models = plan.stream().map(run -> run.model(defaultModel)).collect(Collectors.toSet());
        for (RunRecord record : records.values()) {
            if (!tasks.contains(record.task()) || !models.contains(record.model())) {
                throw new ResultsFileException(path + " holds a run of another eval (task " + record.task() + ", model "
                        + record.model() + "), which this one's reports would mix with its own; pick another --out");
            }
        }
    }

    /** How many of {@code plan}'s runs are recorded already: a resumed eval may plan other runs than it recorded. */
    public synchronized int doneOf(List<PlannedRun> plan) {
        Set<String> done = completedKeys();
        return (int) plan.stream().filter(run -> done.contains(run.key())).count();
    }

    /** Writes one record as one line and forces it to disk before returning. */
    public synchronized void append(RunRecord record) {
        try {
            ByteBuffer line = ByteBuffer.wrap((Json.mapper().writeValueAsString(record) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results file " + path, e);
        }
        replaceOrAdd(records, record);
    }

    // A run recorded again was one that errored: its new record takes the old one's place, last in file order.
    private static void replaceOrAdd(Map<String, RunRecord> records, RunRecord record) {
        records.remove(record.key());
        records.put(record.key(), record);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close results file " + path, e);
        }
    }

    private record Contents(Map<String, RunRecord> records, long completeBytes) {}

    private static Contents parse(Path path, byte[] bytes) {
        Map<String, RunRecord> records = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        int start = 0;
        int lineNumber = 0;
        for (int end = indexOf(bytes, start); end >= 0; end = indexOf(bytes, start)) {
            lineNumber++;
            String line = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            RunRecord record = record(path, lineNumber, line);
            Integer earlier = lines.put(record.key(), lineNumber);
            RunRecord kept = records.get(record.key());
            if (kept != null && kept.error() == null) {
                throw new ResultsFileException("%s:%d: run %s already recorded at line %d"
                        .formatted(path, lineNumber, record.key(), earlier));
            }
            replaceOrAdd(records, record);
        }
        return new Contents(records, start);
    }

    private static RunRecord record(Path path, int lineNumber, String line) {
        try {
            JsonNode fields = Json.mapper().readTree(line);
            // Lines written before plan-first was a dimension of the matrix have no plan field: those ran without.
            if (fields instanceof ObjectNode object && !object.has(RunRecord.PLAN)) {
                object.put(RunRecord.PLAN, false);
            }
            // Nor those written before a failed check's output was kept: it was kept nowhere.
            if (fields instanceof ObjectNode object && !object.has(RunRecord.CHECK_OUTPUT)) {
                object.putNull(RunRecord.CHECK_OUTPUT);
            }
            return READER.treeToValue(fields, RunRecord.class);
        } catch (JsonProcessingException e) {
            throw new ResultsFileException("%s:%d: not a run record: %s"
                    .formatted(path, lineNumber, e.getOriginalMessage()), e);
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(channel.size()));
        int read = 0;
        while (bytes.hasRemaining() && read >= 0) {
            read = channel.read(bytes, bytes.position());
        }
        return bytes.array();
    }

    private static void lock(FileChannel channel, Path path) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new ResultsFileException(path + " is in use by another eval");
        }
    }

    private static void closeAfterFailure(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
