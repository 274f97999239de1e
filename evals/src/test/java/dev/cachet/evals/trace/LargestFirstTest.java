package dev.cachet.evals.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LargestFirstTest {
    @TempDir
    Path dir;

    private Path file(String name, int bytes) throws IOException {
        return Files.write(dir.resolve(name), new byte[bytes]);
    }

    @Test
    void orders_the_files_by_size_the_largest_first_and_equal_sizes_as_given() throws IOException {
        List<Path> files = List.of(file("a", 10), file("b", 300), file("c", 10), file("d", 50));

        assertThat(LargestFirst.order(files)).containsExactly(1, 3, 0, 2);
    }

    @Test
    void a_file_whose_size_cannot_be_read_goes_last_where_its_reader_will_name_it() throws IOException {
        List<Path> files = List.of(dir.resolve("gone"), file("b", 1));

        assertThat(LargestFirst.order(files)).containsExactly(1, 0);
        assertThat(LargestFirst.order(List.of())).isEmpty();
    }
}
