package dev.cachet.tools.files;

import dev.cachet.tools.ToolException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads workspace files as UTF-8 text for tools, refusing what is not a regular file, binary, not UTF-8 or too large. */
public final class TextFiles {
    /** The most a file tool loads: room for any source file, and far from what would strain the JVM. */
    public static final long MAX_BYTES = 10L << 20;

    private TextFiles() {}

    public static String read(WorkspaceFiles files, WorkspacePath path) throws ToolException {
        byte[] bytes = files.read(path, MAX_BYTES);
        if (isBinary(bytes)) {
            throw new ToolException(path + " is a binary file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Decoding with replacement and writing back would corrupt every byte outside an edit.
            throw new ToolException(path + " is not UTF-8 text; inspect or convert it with run_command (e.g. iconv)");
        }
    }

    /** Like git: a NUL byte means binary. */
    public static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
