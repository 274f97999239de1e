package dev.cachet.tools.files;

import java.util.ArrayList;
import java.util.List;

/**
 * A path inside the workspace, as the names that lead to it from the root (none for the root itself). No name is
 * empty, {@code .}, {@code ..} or holds a {@code /}: each is one entry of one directory.
 */
public record WorkspacePath(List<String> names) {
    public static final WorkspacePath ROOT = new WorkspacePath(List.of());

    public WorkspacePath {
        names = List.copyOf(names);
        for (String name : names) {
            if (!isEntryName(name)) {
                throw new IllegalArgumentException("not a directory entry: '" + name + "'");
            }
        }
    }

    static boolean isEntryName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
                && name.indexOf('\0') < 0;
    }

    public boolean isRoot() {
        return names.isEmpty();
    }

    public WorkspacePath resolve(String name) {
        List<String> longer = new ArrayList<>(names);
        longer.add(name);
        return new WorkspacePath(longer);
    }

    /** The directory that holds this entry; the root has none. */
    public WorkspacePath parent() {
        return new WorkspacePath(names.subList(0, names.size() - 1));
    }

    /** This path as asked for, and where links take it where that is elsewhere: {@code docs/config (.git/config)}. */
    public String landingAt(WorkspacePath real) {
        return real.equals(this) ? toString() : this + " (" + real + ")";
    }

    public String fileName() {
        return names.get(names.size() - 1);
    }

    /** As tools show it to the model: relative to the root, with '/' separators; the root is {@code .}. */
    @Override
    public String toString() {
        return isRoot() ? "." : String.join("/", names);
    }
}
