package dev.cachet.context.window;

/** The parts of a window, in the order they are sent; earlier parts change least and cache best. */
public enum SegmentKind {
    SYSTEM,
    TOOLS,
    STATE,
    HISTORY,
    TAIL;

    /** The lower-case name used in logs and reports. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
