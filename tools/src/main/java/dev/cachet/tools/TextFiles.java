package dev.cachet.tools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads workspace files as UTF-8 text for tools, refusing directories, missing, binary and non-UTF-8 files. */
public final class TextFiles {
    private TextFiles() {}

    public static String read(Workspace workspace, Path file) throws ToolException {
        String shown = workspace.relative(file);
        if (Files.isDirectory(file)) {
            throw new ToolException(shown + " is a directory; use list_files to see its contents");
        }
        if (!Files.exists(file)) {
            throw new ToolException("file not found: " + shown);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                throw new ToolException(shown + " is a binary file");
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Decoding with replacement and writing back would corrupt every byte outside an edit.
            throw new ToolException(shown + " is not UTF-8 text; inspect or convert it with run_command (e.g. iconv)");
        } catch (IOException e) {
            throw new ToolException("cannot read " + shown + ": " + e.getMessage());
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
