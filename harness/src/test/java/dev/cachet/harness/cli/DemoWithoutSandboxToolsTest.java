package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's first command on a fresh machine, which has a JDK but neither bubblewrap nor prlimit: the demo still
 * solves its task and passes its check.
 */
class DemoWithoutSandboxToolsTest {
    private static final Set<String> SANDBOX_TOOLS = Set.of("bwrap", "prlimit");

    @TempDir
    Path dir;

    @Test
    void the_demo_passes_its_check_where_bwrap_and_prlimit_are_missing() throws IOException {
        CliRun run = CliRun.withEnvironment(Map.of("PATH", pathWithout(SANDBOX_TOOLS).toString()), "demo");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("check:   sh check.sh -> passed (exit 0)");
    }

    /** One directory linking every program on this process's PATH but {@code left out}. */
    private Path pathWithout(Set<String> leftOut) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String entry : System.getenv("PATH").split(":")) {
            Path folder = Path.of(entry);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> programs = Files.list(folder)) {
                for (Path program : programs.toList()) {
                    Path link = bin.resolve(program.getFileName());
                    boolean taken = Files.exists(link, LinkOption.NOFOLLOW_LINKS);
                    if (!leftOut.contains(program.getFileName().toString()) && !taken) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        return bin;
    }
}
