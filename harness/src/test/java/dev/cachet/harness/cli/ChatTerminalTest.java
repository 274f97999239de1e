package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTerminalTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    // The programs JLine would run by name: infocmp for a terminal's capabilities, stty and tty for its settings.
    private static final List<String> PLANTED = List.of("infocmp", "stty", "tty");

    @TempDir
    Path dir;

    @Test
    void a_terminal_jline_has_no_copy_of_gets_xterms_capabilities_so_infocmp_is_never_run() throws Exception {
        ChatTerminal.capabilitiesWithoutInfocmp("cachet-test-kitty-256color");
        ChatTerminal.capabilitiesWithoutInfocmp("xterm");

        // getInfoCmp runs infocmp only for a terminal whose capabilities are not loaded.
        assertThat(InfoCmp.getInfoCmp("cachet-test-kitty-256color")).isEqualTo(InfoCmp.getDefaultInfoCmp("xterm-256color"));
        assertThat(InfoCmp.getInfoCmp("xterm")).isEqualTo(InfoCmp.getDefaultInfoCmp("xterm"));
    }

    /**
     * The agent can write into a workspace folder on PATH (an activated .venv/bin): what JLine would run from there
     * runs outside the sandbox. Here on a real terminal (script's), of a type JLine has no copy of, and with JLine
     * asked for its exec provider, as a user's JAVA_TOOL_OPTIONS can ask.
     */
    @Test
    void opening_the_chat_terminal_runs_nothing_planted_first_on_path() throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "script (util-linux) is not installed to give the JVM a terminal");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ran = dir.resolve("ran");
        String path = System.getenv("PATH");
        for (String name : PLANTED) {
            plant(bin.resolve(name), "#!/bin/sh\necho " + name + " >> " + quoted(ran.toString()) + "\nPATH="
                    + quoted(path) + " exec " + name + " \"$@\"\n");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = List.of(java, "-Dorg.jline.terminal.provider=exec", "-cp",
                System.getProperty("java.class.path"), OpenChatTerminal.class.getName()).stream()
                .map(ChatTerminalTest::quoted).collect(Collectors.joining(" "));
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qefc", command, "/dev/null")
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PATH", bin + ":" + path);
        builder.environment().put("TERM", "cachet-test-terminal");
        Process opening = builder.start();

        boolean ended = opening.waitFor(1, TimeUnit.MINUTES);
        opening.destroyForcibly();
        String output = Files.readString(out);

        assertThat(ended).as(output).isTrue();
        assertThat(opening.exitValue()).as(output).isZero();
        assertThat(output).contains("opened cachet-test-terminal");
        assertThat(Files.exists(ran) ? Files.readAllLines(ran) : List.<String>of()).as("run from the planted folder")
                .isEmpty();
    }

    private static void plant(Path file, String script) throws IOException {
        Files.writeString(file, script);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Opens and closes the chat's terminal as {@code cachet chat} does, and says what it opened. */
    static final class OpenChatTerminal {
        public static void main(String[] args) throws IOException {
            try (Terminal terminal = ChatTerminal.system().open()) {
                terminal.writer().println("opened " + terminal.getType());
                terminal.flush();
            }
        }
    }
}
