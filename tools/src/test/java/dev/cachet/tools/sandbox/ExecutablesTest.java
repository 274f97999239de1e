package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutablesTest {
    @TempDir
    Path dir;

    private Path program(Path folder) throws IOException {
        Path file = Files.createDirectories(folder).resolve("bwrap");
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void a_path_folder_the_workspace_holds_is_passed_over_however_it_is_reached() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        program(workspace.resolve(".venv/bin"));
        Path linkedIn = Files.createSymbolicLink(dir.resolve("linked"), workspace.resolve(".venv/bin"));
        Path system = program(dir.resolve("usr/bin"));

        String path = String.join(":", workspace.resolve(".venv/bin").toString(), linkedIn.toString(),
                workspace + "/.venv/../.venv/bin", system.getParent().toString());

        assertThat(Executables.outside(workspace, "bwrap", path)).contains(system);
        assertThat(Executables.outside(workspace, "bwrap", workspace.resolve(".venv/bin").toString())).isEmpty();
    }

    @Test
    void a_relative_path_folder_is_passed_over_as_it_names_a_folder_of_wherever_cachet_runs() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        program(workspace.resolve("bin"));
        Path system = program(dir.resolve("usr/bin"));

        String fromHere = Path.of("").toAbsolutePath().relativize(system.getParent()).toString();

        assertThat(Executables.outside(workspace, "bwrap", fromHere)).isEmpty();
        assertThat(Executables.outside(workspace, "bwrap", "bin:.:" + system.getParent())).contains(system);
    }

    @Test
    void is_found_in_the_first_path_folder_that_has_it_executable() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path notExecutable = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("bwrap"), "");
        Path bin = program(dir.resolve("bin"));

        String path = String.join(":", "", empty.toString(), notExecutable.toString(), bin.getParent().toString());

        assertThat(Executables.outside(workspace, "bwrap", path)).contains(bin);
    }

    @Test
    void is_missing_from_a_path_without_it() throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("ws"));

        assertThat(Executables.outside(workspace, "bwrap", dir.toString())).isEmpty();
        assertThat(Executables.outside(workspace, "bwrap", "")).isEmpty();
        assertThat(Executables.outside(workspace, "bwrap", null)).isEmpty();
    }
}
