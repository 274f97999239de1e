package dev.cachet.harness.bench;

import dev.cachet.evals.trace.IoReasons;
import dev.cachet.harness.InputException;
import java.io.IOException;
import java.nio.file.Path;

/** A file a benchmark could not read or write, in one line that names it: the JDK's own message may be the path alone. */
final class FileFailure {
    private FileFailure() {}

    static InputException reading(Path file, IOException e) {
        return new InputException("cannot read " + file + ": " + IoReasons.of(e));
    }

    static InputException writing(Path file, IOException e) {
        return new InputException("cannot write " + file + ": " + IoReasons.of(e));
    }
}
