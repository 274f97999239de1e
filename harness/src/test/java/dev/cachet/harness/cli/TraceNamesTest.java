package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.evals.trace.FileHead;
import dev.cachet.evals.trace.TraceFiles;
import dev.cachet.evals.trace.TraceFormat;
import dev.cachet.evals.trace.Trajectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceNamesTest {
    @TempDir
    Path dir;

    @Test
    void reads_a_file_found_in_a_directory_with_the_format_found_there_not_detecting_it_again() throws Exception {
        Path file = Files.writeString(dir.resolve("session.jsonl"), "no format knows this\n");
        TraceFiles.Found found = new TraceFiles.Found(List.of(file), Map.of(file, new Fixed()), 0, List.of());

        assertThat(TraceNames.reader(found.files(), found::format).apply(file)).extracting(Trajectory::id).containsExactly("session.jsonl");
    }

    /** A format that claims nothing, and reads every file into one empty session named after it. */
    private static final class Fixed implements TraceFormat {
        @Override
        public String label() {
            return "fixed";
        }

        @Override
        public String expected() {
            return "anything";
        }

        @Override
        public boolean recognises(Path file, FileHead head) {
            return false;
        }

        @Override
        public List<Trajectory> read(Path file) {
            return List.of(new Trajectory(file.getFileName().toString(), label(), Optional.empty(), "", "", List.of(),
                    List.of()));
        }
    }
}
