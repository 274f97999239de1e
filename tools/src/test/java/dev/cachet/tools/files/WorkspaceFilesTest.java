package dev.cachet.tools.files;

import static org.assertj.core.api.Assertions.*;

import dev.cachet.tools.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceFilesTest {
    @TempDir
    Path tmp;

    private Path root;
    private Path outside;
    private WorkspaceFiles files;

    @BeforeEach
    void lay_out_a_workspace_with_links_in_and_out() throws IOException {
        root = Files.createDirectories(tmp.resolve("ws")).toRealPath();
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside secret\n");
        Files.createDirectories(root.resolve("src/sub"));
        Files.writeString(root.resolve("src/Main.java"), "class Main {}\n");
        Files.createSymbolicLink(root.resolve("alias"), Path.of("src"));
        Files.createSymbolicLink(root.resolve("src/sub/up"), Path.of("../../src"));
        Files.createSymbolicLink(root.resolve("absolute"), root.resolve("src/Main.java"));
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("parent"), Path.of(".."));
        Files.createSymbolicLink(root.resolve("leak.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("dangling.txt"), Path.of("src/missing.txt"));
        Files.createSymbolicLink(root.resolve("loop-a"), Path.of("loop-b"));
        Files.createSymbolicLink(root.resolve("loop-b"), Path.of("loop-a"));
        files = new WorkspaceFiles(root);
    }

    private static WorkspacePath path(String names) {
        return new WorkspacePath(List.of(names.split("/")));
    }

    private String read(String path) throws ToolException {
        return new String(files.read(path(path), TextFiles.MAX_BYTES), StandardCharsets.UTF_8);
    }

    @Test
    void follows_links_that_stay_inside() throws ToolException {
        assertThat(read("alias/Main.java")).isEqualTo("class Main {}\n");
        assertThat(read("src/sub/up/Main.java")).isEqualTo("class Main {}\n");
        assertThat(read("absolute")).isEqualTo("class Main {}\n");
    }

    @Test
    void refuses_links_that_lead_outside() {
        for (String path : List.of("out/secret.txt", "leak.txt", "parent/outside/secret.txt")) {
            assertThatExceptionOfType(ToolException.class).as(path).isThrownBy(() -> read(path))
                    .withMessage("path '" + path + "' leads outside the workspace through a symbolic link");
        }
    }

    @Test
    void a_link_to_nothing_is_a_missing_file_and_a_loop_is_refused() {
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> read("dangling.txt"))
                .withMessage("file not found: dangling.txt");
        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> read("loop-a"))
                .withMessage("path 'loop-a' goes through too many symbolic links");
    }

    @Test
    void a_chain_of_links_down_a_deep_folder_and_back_up_is_refused_before_it_takes_minutes() throws Exception {
        // Each '..' walks the folder's path again from the root: 40 such links took 197 s at 600 deep.
        String deep = String.join("/", Collections.nCopies(200, "d"));
        String up = String.join("/", Collections.nCopies(200, ".."));
        Files.createDirectories(root.resolve(deep));
        for (int i = 0; i < 40; i++) {
            Files.createSymbolicLink(root.resolve("chain" + i), Path.of(deep + "/" + up + "/chain" + (i + 1)));
        }
        Files.writeString(root.resolve("chain40"), "end\n");

        assertThatExceptionOfType(ToolException.class).isThrownBy(() -> read("chain0"))
                .withMessage("path 'chain0' takes more than 10,000 steps to follow through its links and '..'");
        Files.createSymbolicLink(root.resolve("short"), Path.of("d/d/../d/../../chain40"));
        assertThat(read("short")).isEqualTo("end\n");
    }

    @Test
    void a_listing_through_many_links_each_just_inside_the_limit_ends_saying_why() throws Exception {
        // Each link costs about 1,900 names; 150 of them would take 280,000, past what one walk may.
        String deep = String.join("/", Collections.nCopies(60, "d"));
        String up = String.join("/", Collections.nCopies(60, ".."));
        Files.createDirectories(root.resolve(deep));
        Files.writeString(root.resolve("target.txt"), "t\n");
        Path links = Files.createDirectories(root.resolve("links"));
        for (int i = 0; i < 150; i++) {
            Files.createSymbolicLink(links.resolve("l" + i), Path.of("../" + deep + "/" + up + "/target.txt"));
        }

        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> new FileWalker(files).files(path("links"), "**", TimeLimit.of(Duration.ofMinutes(1))))
                .withMessage("'links' took more than 200,000 steps to follow through links and '..' in all; name a "
                        + "folder with fewer links");
        assertThat(new FileWalker(files).files(path("links"), "l1", TimeLimit.of(Duration.ofMinutes(1))).files()).hasSize(1);
    }

    @Test
    void tells_what_a_path_is() throws ToolException {
        assertThat(files.kind(path("alias"))).contains(WorkspaceFiles.Kind.DIRECTORY);
        assertThat(files.kind(WorkspacePath.ROOT)).contains(WorkspaceFiles.Kind.DIRECTORY);
        assertThat(files.kind(path("alias/Main.java"))).contains(WorkspaceFiles.Kind.FILE);
        assertThat(files.kind(path("src/none/deeper"))).isEmpty();
        assertThat(files.kind(path("dangling.txt"))).isEmpty();
    }

    @Test
    void a_write_through_a_link_inside_lands_where_it_leads() throws ToolException {
        files.write(path("alias/New.java"), "class New {}\n".getBytes(StandardCharsets.UTF_8));
        files.write(path("dangling.txt"), "made through the link\n".getBytes(StandardCharsets.UTF_8));

        assertThat(root.resolve("src/New.java")).hasContent("class New {}");
        assertThat(root.resolve("src/missing.txt")).hasContent("made through the link");
        assertThat(root.resolve("dangling.txt")).isSymbolicLink();
    }

    @Test
    void a_write_makes_missing_folders_and_leaves_nothing_else_behind() throws IOException, ToolException {
        files.write(path("a/b/c.txt"), "deep\n".getBytes(StandardCharsets.UTF_8));

        assertThat(root.resolve("a/b/c.txt")).hasContent("deep");
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".cachet-"));
        }
    }

    @Test
    void a_write_keeps_the_files_permissions() throws IOException, ToolException {
        Path script = Files.writeString(root.resolve("run.sh"), "echo old\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxrw-r--"));

        files.write(path("run.sh"), "echo new\n".getBytes(StandardCharsets.UTF_8));

        assertThat(script).hasContent("echo new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script))).isEqualTo("rwxrw-r--");
    }

    @Test
    void a_write_replaces_a_hard_link_instead_of_writing_through_it() throws IOException, ToolException {
        Path target = Files.writeString(outside.resolve("linked.txt"), "outside original\n");
        Files.createLink(root.resolve("hard.txt"), target);

        files.write(path("hard.txt"), "inside now\n".getBytes(StandardCharsets.UTF_8));

        assertThat(root.resolve("hard.txt")).hasContent("inside now");
        assertThat(target).hasContent("outside original");
    }

    @Test
    void a_write_refuses_a_folder_and_a_file_in_the_way() {
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> files.write(path("alias"), new byte[0]))
                .withMessage("alias is a directory; use list_files to see its contents");
        assertThatExceptionOfType(ToolException.class)
                .isThrownBy(() -> files.write(path("src/Main.java/x"), new byte[0]))
                .withMessage("cannot write src/Main.java/x: a parent is not a directory");
    }

    @Test
    void a_read_stops_at_the_limit_without_loading_the_file() throws IOException {
        Files.write(root.resolve("big.bin"), new byte[4096]);

        assertThatExceptionOfType(FileTooLargeException.class)
                .isThrownBy(() -> files.read(path("big.bin"), 1024))
                .withMessage("big.bin is 4 KiB, over the 1 KiB the file tools load; read parts of it with run_command "
                        + "(e.g. sed -n '1,200p' big.bin)");
    }

    @Test
    void sizes_are_in_binary_units_whole_where_they_are() {
        assertThat(Stream.of(12L, 1536L, 10L << 20, 11_000_000L, 3L << 30).map(FileTooLargeException::size))
                .containsExactly("12 bytes", "1.5 KiB", "10 MiB", "10.5 MiB", "3 GiB");
    }
}
