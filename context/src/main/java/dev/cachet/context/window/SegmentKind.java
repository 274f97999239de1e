package dev.cachet.context.window;

/**
 * The parts of a window; earlier parts change least and cache best. On the wire (and in the prefix hash) the tools
 * come first, then the messages of the other parts in this order.
 */
public enum SegmentKind {
    SYSTEM,
    TOOLS,
    STATE,
    HISTORY,
    /** After the last breakpoint, never cached: for what changes every turn, such as tool schemas loaded on demand. */
    TAIL;

    /** The lower-case name used in logs and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
