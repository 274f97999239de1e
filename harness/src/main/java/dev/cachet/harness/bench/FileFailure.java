package dev.cachet.harness.bench;

import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A file a benchmark could not read or write, in one line that names it: the JDK's own message may be the path alone. */
final class FileFailure {
    private FileFailure() {}

    static InputException reading(Path file, IOException e) {
        return new InputException("cannot read " + file + ": " + reason(e));
    }

    static InputException writing(Path file, IOException e) {
        return new InputException("cannot write " + file + ": " + reason(e));
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return failed.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
