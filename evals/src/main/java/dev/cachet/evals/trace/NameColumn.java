package dev.cachet.evals.trace;

import java.util.Arrays;
import java.util.Objects;

/**
 * Names given turn by turn, in order, that the turns mostly share (a log's agent, its model): one kept for all until
 * a turn names another, and only then one per turn. A name may be null.
 */
final class NameColumn {
    private final int size;
    private String shared;
    private String[] names;

    NameColumn(int size) {
        this.size = size;
    }

    String get(int i) {
        Objects.checkIndex(i, size);
        return names != null ? names[i] : shared;
    }

    /** The name of turn {@code i}, after those of the turns before it. */
    void add(int i, String name) {
        Objects.checkIndex(i, size);
        if (names != null) {
            names[i] = name;
        } else if (i == 0) {
            shared = name;
        } else if (!Objects.equals(name, shared)) {
            names = new String[size];
            Arrays.fill(names, 0, i, shared);
            names[i] = name;
        }
    }
}
