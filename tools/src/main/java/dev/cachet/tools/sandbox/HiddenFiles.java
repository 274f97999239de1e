package dev.cachet.tools.sandbox;

import java.nio.file.Path;
import java.util.List;

/** What confined commands cannot read, for the tools that read the workspace in cachet's own process. */
public final class HiddenFiles {
    public static final HiddenFiles NONE = new HiddenFiles(new Masks(List.of(), List.of()));

    private final Masks masks;

    HiddenFiles(Masks masks) {
        this.masks = masks;
    }

    /** Whether {@code real}, a real path, is hidden. */
    public boolean hides(Path real) {
        return masks.hides(real);
    }

    /** Whether something inside {@code folder} is hidden, so that a tool reading all of it would show it. */
    public boolean anyInside(Path folder) {
        return masks.inside(folder);
    }
}
