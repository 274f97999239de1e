package dev.cachet.providers.session;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;

/**
 * A log file on disk, locked while it is open. Written through a {@link RandomAccessFile} rather than a channel: a
 * channel closes itself for good when the writing thread is interrupted (as a Ctrl-C interrupts a model call), and
 * the session must still log its stop.
 */
final class DiskLogFile implements LogFile {
    private static final int SCAN_CHUNK = 8192;

    private final RandomAccessFile file;

    /** @throws IOException also when another process is writing the log: two writers would interleave their lines */
    DiskLogFile(Path path) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rw");
        try {
            if (file.getChannel().tryLock() == null) {
                throw new IOException("another cachet process is writing it");
            }
        } catch (IOException | OverlappingFileLockException e) {
            file.close();
            throw e instanceof IOException io ? io : new IOException("this process is writing it already");
        }
        file.seek(file.length());
    }

    @Override
    public long length() throws IOException {
        return file.length();
    }

    @Override
    public long endOfLastLine() throws IOException {
        byte[] chunk = new byte[SCAN_CHUNK];
        for (long end = file.length(); end > 0; end -= SCAN_CHUNK) {
            long start = Math.max(0, end - SCAN_CHUNK);
            file.seek(start);
            file.readFully(chunk, 0, (int) (end - start));
            for (int i = (int) (end - start) - 1; i >= 0; i--) {
                if (chunk[i] == '\n') {
                    file.seek(file.length());
                    return start + i + 1;
                }
            }
        }
        file.seek(file.length());
        return 0;
    }

    @Override
    public void append(byte[] bytes) throws IOException {
        file.write(bytes);
    }

    @Override
    public void force() throws IOException {
        file.getFD().sync();
    }

    @Override
    public void truncate(long length) throws IOException {
        file.setLength(length);
        file.seek(length);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
