package dev.cachet.providers.session;

import java.io.Closeable;
import java.io.IOException;

/** Where a session log's bytes go. A seam so that tests can make a disk that fills up after so many bytes. */
interface LogFile extends Closeable {
    long length() throws IOException;

    /** Where the last complete line ends: the length of the file less any bytes after its last newline. */
    long endOfLastLine() throws IOException;

    /** Appends the bytes; on failure some of them may have been written. */
    void append(byte[] bytes) throws IOException;

    /** Forces what was appended onto the disk. */
    void force() throws IOException;

    void truncate(long length) throws IOException;
}
