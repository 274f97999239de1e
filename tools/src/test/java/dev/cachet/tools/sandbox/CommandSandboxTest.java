package dev.cachet.tools.sandbox;

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandSandboxTest {
    @TempDir
    Path bin;

    @TempDir
    Path workspace;

    @Test
    void a_confining_sandbox_needs_bwrap() {
        assertThatExceptionOfType(SandboxUnavailableException.class)
                .isThrownBy(() -> CommandSandbox.open(Sandbox.DEFAULT, Map.of("PATH", bin.toString()), workspace))
                .withMessage(Bubblewrap.NOT_INSTALLED);
    }

    @Test
    void a_confining_sandbox_needs_prlimit_for_its_limits() throws IOException {
        Files.createSymbolicLink(bin.resolve("bwrap"), Path.of("/bin/true"));

        assertThatExceptionOfType(SandboxUnavailableException.class)
                .isThrownBy(() -> CommandSandbox.open(Sandbox.DEFAULT, Map.of("PATH", bin.toString()), workspace))
                .withMessage("prlimit (util-linux) is not installed: install the 'util-linux' package, or run with "
                        + "--sandbox full to run commands unsandboxed");
    }

    @Test
    void full_needs_neither() {
        assertThatNoException().isThrownBy(() -> CommandSandbox.open(Sandbox.of(SandboxMode.FULL), Map.of(), workspace));
    }
}
