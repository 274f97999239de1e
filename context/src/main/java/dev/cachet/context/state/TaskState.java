package dev.cachet.context.state;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the agent knows about its task, kept apart from the transcript so a strategy can show it instead of old
 * turns: the goal, the files it touched and how, and the last error it hit ({@code ""} when none is open).
 * Immutable; files are kept sorted so the same state always renders to the same bytes.
 */
public record TaskState(String goal, Map<String, FileTouch> files, String lastError) {
    public TaskState {
        Objects.requireNonNull(goal, "goal");
        files = Map.copyOf(files);
        Objects.requireNonNull(lastError, "lastError");
    }

    public static TaskState forGoal(String goal) {
        return new TaskState(goal, Map.of(), "");
    }

    /** Records a touch of a file; a stronger touch (written over edited over read) is never downgraded. */
    public TaskState touch(String path, FileTouch touch) {
        Map<String, FileTouch> next = new TreeMap<>(files);
        next.merge(path, touch, (old, now) -> now.compareTo(old) > 0 ? now : old);
        return new TaskState(goal, next, lastError);
    }

    public TaskState withLastError(String error) {
        return new TaskState(goal, files, error);
    }

    /** Compact Markdown; the same state always gives the same bytes. */
    public String render() {
        StringBuilder out = new StringBuilder("## Task state\n\nGoal: ").append(goal).append('\n');
        if (!files.isEmpty()) {
            out.append("\nFiles touched:\n");
            new TreeMap<>(files).forEach((path, touch) -> out.append("- ").append(path).append(" (")
                    .append(touch.label()).append(")\n"));
        }
        if (!lastError.isEmpty()) {
            out.append("\nLast error: ").append(lastError).append('\n');
        }
        return out.toString();
    }
}
