package dev.cachet.tools.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * What confined commands may not read beyond the user's credential stores ({@code extra}), and what they may read
 * although it is, or lies under, a hidden path ({@code allowed}). Both are absolute paths.
 */
public record HiddenPaths(List<Path> extra, List<Path> allowed) {
    public static final HiddenPaths NONE = new HiddenPaths(List.of(), List.of());

    public HiddenPaths {
        extra = List.copyOf(extra);
        allowed = List.copyOf(allowed);
    }
}
