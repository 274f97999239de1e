package dev.cachet.tools.builtin;

import static dev.cachet.tools.ToolTesting.call;
import static org.assertj.core.api.Assertions.*;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cachet.tools.Tool;
import dev.cachet.tools.ToolOutput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FIFOs, sockets and huge files: each tool answers at once, and nothing is loaded whole. */
class OddFilesTest {
    private static final Duration AT_ONCE = Duration.ofSeconds(10);

    @TempDir
    Path root;

    @Test
    void a_fifo_is_refused_without_blocking() throws Exception {
        Path fifo = root.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.writeString(root.resolve("a.txt"), "findable\n");

        assertThat(callAtOnce(new ReadFileTool(), "path", "pipe"))
                .isEqualTo(ToolOutput.error("pipe is not a regular file; the file tools read and write only regular files"));
        assertThat(callAtOnce(new EditFileTool(), "path", "pipe", "old_string", "a", "new_string", "b").error()).isTrue();
        assertThat(callAtOnce(new WriteFileTool(), "path", "pipe", "content", "x").error()).isTrue();
        assertThat(callAtOnce(new GrepTool(), "pattern", "findable")).isEqualTo(ToolOutput.ok("a.txt:1: findable\n"));
    }

    @Test
    void a_socket_is_refused() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(root.resolve("sock")));

            assertThat(callAtOnce(new ReadFileTool(), "path", "sock"))
                    .isEqualTo(ToolOutput.error("sock is not a regular file; the file tools read and write only regular files"));
        }
    }

    @Test
    void a_huge_sparse_file_is_refused_with_its_size_not_loaded() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(root.resolve("huge.bin").toFile(), "rw")) {
            huge.setLength(3L << 30);
        }
        Files.writeString(root.resolve("a.txt"), "findable\n");

        assertThat(callAtOnce(new ReadFileTool(), "path", "huge.bin")).isEqualTo(ToolOutput.error(
                "huge.bin is 3 GiB, over the 10 MiB the file tools load; read parts of it with run_command "
                        + "(e.g. sed -n '1,200p' huge.bin)"));
        assertThat(callAtOnce(new EditFileTool(), "path", "huge.bin", "old_string", "a", "new_string", "b").content())
                .startsWith("huge.bin is 3 GiB, over the 10 MiB the file tools load");
        assertThat(callAtOnce(new GrepTool(), "pattern", "findable"))
                .isEqualTo(ToolOutput.ok("a.txt:1: findable\n[skipped 1 file over 10 MiB: huge.bin]\n"));
    }

    @Test
    void a_text_file_at_the_limit_is_read_and_one_over_it_refused() throws IOException {
        String line = "x".repeat(1023) + "\n";
        Files.writeString(root.resolve("at.txt"), line.repeat(10 << 10));
        Files.writeString(root.resolve("over.txt"), line.repeat(11 << 10));

        assertThat(callAtOnce(new ReadFileTool(), "path", "at.txt", "start_line", 10 << 10))
                .isEqualTo(ToolOutput.ok(" 10240\t" + line));
        assertThat(callAtOnce(new ReadFileTool(), "path", "over.txt").content())
                .startsWith("over.txt is 11 MiB, over the 10 MiB the file tools load");
    }

    private ToolOutput callAtOnce(Tool tool, Object... namesAndValues) {
        return assertTimeoutPreemptively(AT_ONCE, () -> call(tool, root, namesAndValues));
    }
}
