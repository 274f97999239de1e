package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import dev.cachet.context.message.ToolCall;
import dev.cachet.context.message.ToolResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every trace format does, run against each on its samples ({@link TraceSamples}): it claims its own files and
 * no other format's, reads them into turns whose results answer their calls, and fails on a broken file with a
 * {@link TraceFormatException} that names the file, then the line or the field to blame ({@link BrokenTraces}).
 */
class TraceFormatContractTest {
    /** A head that ends inside a long first line, as a long prompt makes it at {@link TraceFormats#HEAD_CHARS}. */
    private static final int CUT_HEAD_CHARS = 300;
    /** Heads that look like another format's at a glance. */
    private static final List<Sample> LOOKALIKES = List.of(
            // cachet logs whose first event has mini-swe-agent's info object, or SWE-agent's trajectory list
            lookalike("cachet", "info.jsonl", """
                    {"type":"session_start","info":{"model_stats":{}}}
                    {"type":"turn"}
                    """),
            lookalike("cachet", "trajectory.jsonl", """
                    {"type":"session_start","trajectory":[],"history":[]}
                    """),
            // mini-swe-agent's tag, which it writes last, first in a small file
            lookalike("mini-swe-agent", "small.traj.json", """
                    {"trajectory_format": "mini-swe-agent-1.1", "messages": []}"""));
    /** Arbitrary bytes that are neither UTF-8 nor JSON: the start of a PNG image. */
    private static final byte[] BINARY = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, '\r', 'I', 'H',
            'D', 'R', (byte) 0xff, (byte) 0xfe, 0};

    @TempDir
    Path dir;

    static Stream<Named<TraceFormat>> formats() {
        return TraceFormats.all().stream().map(format -> Named.of(format.label(), format));
    }

    static Stream<BrokenTraces.Case> brokenTraces() {
        return BrokenTraces.all();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void claims_its_own_samples_and_no_other_formats(TraceFormat format) {
        List<Sample> samples = samples();
        List<Sample> own = samples.stream().filter(sample -> sample.format().equals(format.label())).toList();

        assertThat(own).isNotEmpty();
        assertThat(samples).filteredOn(sample -> format.recognises(sample.file(), FileHead.of(sample.head())))
                .containsExactlyElementsOf(own);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void reads_its_samples_into_turns_whose_results_answer_their_calls_in_order(TraceFormat format) {
        for (Path sample : TraceSamples.files(format.label())) {
            List<Trajectory> trajectories = format.read(sample);

            assertThat(trajectories).as(sample.toString()).isNotEmpty().allSatisfy(trajectory -> {
                assertThat(trajectory.format()).isEqualTo(format.label());
                // A file of several sessions tells them apart after a '#'.
                assertThat(trajectory.id()).matches(Pattern.quote(name(sample)) + "(#.+)?");
                assertThat(trajectory.turns()).isNotEmpty().allSatisfy(TraceFormatContractTest::answersItsCalls);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void leaves_out_a_torn_last_line_of_a_log_and_names_it_in_a_document_or_where_a_line_end_follows_it(
            TraceFormat format) throws IOException {
        if (format instanceof CachetLogFormat) {
            // cachet's own logs go through the session-log reader, which drops the torn last line a killed session leaves.
            for (Path sample : TraceSamples.files(format.label())) {
                List<String> lines = new ArrayList<>(Files.readString(sample).lines().toList());
                int whole = format.read(sample).get(0).turns().size();
                lines.set(lines.size() - 1, tear(lines.get(lines.size() - 1)));
                Path copy = Files.writeString(Files.createDirectories(dir.resolve("torn-cachet")).resolve(name(sample)),
                        String.join("\n", lines));
                assertThat(format.read(copy).get(0).turns().size()).as(copy.toString()).isBetween(whole - 1, whole);
            }
            return;
        }
        for (Path sample : TraceSamples.files(format.label())) {
            List<String> lines = new ArrayList<>(Files.readString(sample).lines().toList());
            // A log's own last line, or a document's last before its closing brackets: a line with content to cut.
            int torn = lastWithContent(lines, 2);
            List<String> before = List.copyOf(lines.subList(0, torn));
            lines.set(torn, tear(lines.get(torn)));
            lines.subList(torn + 1, lines.size()).clear();
            String folder = "torn-" + sample.getParent().getFileName();
            Path unended = write(folder + "/unended", sample, String.join("\n", lines));
            if (!jsonl(sample)) {
                // A document cut short is no document.
                assertThatExceptionOfType(TraceFormatException.class).as(unended.toString())
                        .isThrownBy(() -> format.read(unended)).withMessageStartingWith(unended + ":" + (torn + 1) + ": ");
                continue;
            }
            // The line a harness is still writing, or was when it was killed: the log reads as it stood before it.
            if (before.stream().anyMatch(line -> !line.isBlank())) {
                Path cut = write(folder + "/before", sample, String.join("\n", before) + "\n");
                assertThat(format.read(unended)).as(unended.toString()).isEqualTo(format.read(cut));
            }
            // A line end after it: the line was written whole, and broken.
            Path ended = write(folder + "/ended", sample, String.join("\n", lines) + "\n");
            assertThatExceptionOfType(TraceFormatException.class).as(ended.toString())
                    .isThrownBy(() -> format.read(ended)).withMessageStartingWith(ended + ":" + (torn + 1) + ": ");
        }
    }

    /** {@code text} in a file named as {@code sample} in {@code folder}: trajectories take their ids from the name. */
    private Path write(String folder, Path sample, String text) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve(folder)).resolve(name(sample)), text);
    }

    /** Whether each line of the file that is not blank is a JSON object of its own. */
    private static boolean jsonl(Path file) throws IOException {
        for (String line : Files.readAllLines(file)) {
            try {
                if (!line.isBlank() && !Json.mapper().readTree(line).isObject()) {
                    return false;
                }
            } catch (JsonProcessingException e) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest
    @MethodSource("formats")
    void names_the_file_and_line_of_a_line_that_is_not_json(TraceFormat format) throws IOException {
        assertEverySampleFailsAt(format, "malformed", lines -> {
            // Before the last line with content: after it, a whole document would be complete without it.
            int malformed = lastWithContent(lines, 1);
            lines.add(malformed, "this line is not JSON");
            return malformed + 1;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTraces")
    void names_the_file_and_place_of_what_its_format_forbids(BrokenTraces.Case broken) throws IOException {
        Path file = Files.writeString(dir.resolve(broken.name()), broken.text());

        assertThatExceptionOfType(TraceFormatException.class)
                .isThrownBy(() -> broken.format().read(file))
                .withMessageStartingWith(file + broken.error());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void names_an_empty_or_blank_file(TraceFormat format) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty"), "");
        Path blank = Files.writeString(dir.resolve("blank"), "\n \n");
        for (Path file : List.of(empty, blank)) {
            assertThatExceptionOfType(TraceFormatException.class).as(file.toString())
                    .isThrownBy(() -> format.read(file))
                    .withMessageStartingWith(file + ": ").withMessageContaining("empty");
        }
    }

    @ParameterizedTest
    @MethodSource("formats")
    void does_not_claim_a_binary_file_and_names_it_when_asked_to_read_it(TraceFormat format) throws IOException {
        Path file = Files.write(dir.resolve("image.png"), BINARY);

        assertThat(format.recognises(file, FileHead.of(JsonFiles.head(file, TraceFormats.HEAD_CHARS)))).isFalse();
        assertThatExceptionOfType(TraceFormatException.class)
                .isThrownBy(() -> format.read(file))
                .withMessageContaining(file.toString());
    }

    /** A sample's head as detection reads it, with the format it belongs to. */
    private record Sample(String format, String name, Path file, String head) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Sample lookalike(String format, String name, String head) {
        return new Sample(format, "lookalike " + name, Path.of(name), head);
    }

    /**
     * Every format's sample files with the heads detection reads, the same files from a head cut inside their first
     * line where it is that long, and the lookalikes.
     */
    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>(LOOKALIKES);
        for (TraceFormat format : TraceFormats.all()) {
            for (Path file : TraceSamples.files(format.label())) {
                String head = JsonFiles.head(file, TraceFormats.HEAD_CHARS);
                samples.add(new Sample(format.label(), file.toString(), file, head));
                String cut = JsonFiles.head(file, CUT_HEAD_CHARS);
                if (!cut.contains("\n")) {
                    samples.add(new Sample(format.label(), file + ", cut in its first line", file, cut));
                }
            }
        }
        return samples;
    }

    /** Observations answer calls of their own turn, in call order. */
    private static void answersItsCalls(TrajectoryTurn turn) {
        List<ToolCall> calls = turn.action().toolCalls();
        List<String> ids = calls.stream().map(ToolCall::id).toList();
        List<Integer> answered = new ArrayList<>();
        for (ToolResult result : turn.observations()) {
            int call = ids.indexOf(result.callId());
            assertThat(call).as("the call %s answers", result).isNotNegative();
            assertThat(result.toolName()).isEqualTo(calls.get(call).name());
            answered.add(call);
        }
        assertThat(answered).isSorted();
    }

    /** The index of the last line holding at least {@code chars} characters besides white space. */
    private static int lastWithContent(List<String> lines, int chars) {
        int index = lines.size() - 1;
        while (lines.get(index).strip().length() < chars) {
            index--;
        }
        return index;
    }

    /** The line cut halfway through what it holds, keeping its indentation. */
    private static String tear(String line) {
        String content = line.stripLeading();
        String indent = line.substring(0, line.length() - content.length());
        return indent + content.substring(0, content.length() / 2);
    }

    /**
     * Each of the format's samples, its lines changed by {@code damage} (which returns the line to blame), fails
     * naming the copy and that line. The copy's last line has no line end, as a write cut short leaves it.
     */
    private void assertEverySampleFailsAt(TraceFormat format, String kind, ToIntFunction<List<String>> damage)
            throws IOException {
        for (Path sample : TraceSamples.files(format.label())) {
            List<String> lines = new ArrayList<>(Files.readString(sample).lines().toList());
            int line = damage.applyAsInt(lines);
            Path copy = Files.createDirectories(dir.resolve(kind + "-" + sample.getParent().getFileName()))
                    .resolve(name(sample));
            Files.writeString(copy, String.join("\n", lines));

            assertThatExceptionOfType(TraceFormatException.class).as(copy.toString())
                    .isThrownBy(() -> format.read(copy))
                    .withMessageStartingWith(copy + ":" + line + ": ");
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }
}
