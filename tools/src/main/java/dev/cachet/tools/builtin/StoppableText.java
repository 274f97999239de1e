package dev.cachet.tools.builtin;

/**
 * Text as a regular expression reads it, that ends the match once a deadline passes or the thread is interrupted.
 * A pattern the model writes can backtrack for ages (nested repetition such as {@code (.*A){15}B}), and Java's
 * matcher heeds neither a clock nor an interrupt; it does read every character through {@link #charAt}.
 */
final class StoppableText implements CharSequence {
    /** Reads between looks at the clock: a look costs far more than a read. */
    private static final int READS_PER_CHECK = 1 << 12;

    /** Why a match was ended. */
    static final class Stopped extends RuntimeException {
        private final boolean interrupted;

        Stopped(boolean interrupted) {
            super(null, null, false, false);
            this.interrupted = interrupted;
        }

        boolean interrupted() {
            return interrupted;
        }
    }

    private final String text;
    private final long deadlineNanos;
    private int reads;

    /** @param deadlineNanos the {@link System#nanoTime} after which the match ends */
    StoppableText(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads == READS_PER_CHECK) {
            reads = 0;
            check();
        }
        return text.charAt(index);
    }

    /** Ends the match now if the deadline passed or the thread was interrupted; a match reads no character at first. */
    void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(true);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new Stopped(false);
        }
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
