package dev.cachet.tools.mcp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The reference MCP server {@code @modelcontextprotocol/server-everything}, pinned in src/test/resources/mcp and
 * installed with {@code npm ci --prefix tools/src/test/resources/mcp}. It runs from the source tree (Maven does not
 * copy it); tests that need it are tagged "mcp" and skip where it is not installed.
 */
final class EverythingServer {
    static final Path BIN = Path.of("src/test/resources/mcp/node_modules/.bin/mcp-server-everything").toAbsolutePath();

    private EverythingServer() {}

    /** For {@code @EnabledIf}: whether the server is installed. */
    static boolean installed() {
        return Files.isExecutable(BIN);
    }

    /** Starts the server on stdio; the shell writes its pid to {@code pidFile}, then becomes the server. */
    static List<String> command(Path pidFile) {
        return List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$1\" stdio", pidFile.toString(), BIN.toString());
    }

    /** The process whose pid a command wrote to {@code pidFile}. */
    static ProcessHandle process(Path pidFile) throws IOException {
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        return ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
    }
}
