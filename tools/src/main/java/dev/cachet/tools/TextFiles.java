package dev.cachet.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads workspace files as text for tools, refusing directories, missing files and binary files with clear errors. */
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
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (isBinary(text)) {
                throw new ToolException(shown + " is a binary file");
            }
            return text;
        } catch (IOException e) {
            throw new ToolException("cannot read " + shown + ": " + e.getMessage());
        }
    }

    /** Like git: a NUL character in the text means binary. */
    public static boolean isBinary(String text) {
        return text.indexOf('\0') >= 0;
    }
}
