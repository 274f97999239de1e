package dev.cachet.context.window;

import java.util.List;

/** How far two prompts agree from the start: a prefix cache can serve no more of the second than that. */
public final class SharedPrefix {
    private SharedPrefix() {}

    /** The number of leading elements {@code a} and {@code b} have equal. */
    public static int length(List<?> a, List<?> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return n;
    }
}
