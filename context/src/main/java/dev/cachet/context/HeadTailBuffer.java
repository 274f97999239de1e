package dev.cachet.context;

/**
 * Keeps the head and the tail of a stream of text within a fixed budget, marking what was cut between them. The
 * start of command output says what ran and the end says how it ended; the middle is what a model can spare.
 */
public final class HeadTailBuffer {
    private final int headLimit;
    private final int tailLimit;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder tail = new StringBuilder();
    private long cut;

    /** @param limit the most characters kept, split evenly between head and tail */
    public HeadTailBuffer(int limit) {
        this.headLimit = limit / 2;
        this.tailLimit = limit - headLimit;
    }

    public static String cap(String text, int limit) {
        HeadTailBuffer buffer = new HeadTailBuffer(limit);
        buffer.append(text);
        return buffer.toString();
    }

    public void append(CharSequence text) {
        int intoHead = Math.min(text.length(), headLimit - head.length());
        head.append(text, 0, intoHead);
        tail.append(text, intoHead, text.length());
        // Trim in batches so a long stream costs amortized O(1) per character.
        if (tail.length() > 2 * tailLimit) {
            int drop = tail.length() - tailLimit;
            tail.delete(0, drop);
            cut += drop;
        }
    }

    public boolean truncated() {
        return cut > 0 || tail.length() > tailLimit;
    }

    @Override
    public String toString() {
        if (!truncated()) {
            return head.toString() + tail;
        }
        int drop = tail.length() - tailLimit;
        return head + "\n[... " + (cut + drop) + " characters cut ...]\n" + tail.substring(drop);
    }
}
