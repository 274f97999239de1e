package dev.cachet.context.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the agent knows about its task, kept apart from the transcript so a strategy can show it instead of old
 * turns. Immutable. {@code lastError} and {@code nextStep} are {@code ""} when unset; files are kept sorted, so the
 * same state always renders to the same bytes.
 */
public record TaskState(
        String goal,
        List<PlanStep> plan,
        List<String> facts,
        Map<String, String> files,
        List<String> decisions,
        List<String> openQuestions,
        String lastError,
        String nextStep) {

    // Parts a session log does not hold (it was written by an older cachet) read as empty.
    public TaskState {
        Objects.requireNonNull(goal, "goal");
        plan = plan == null ? List.of() : List.copyOf(plan);
        facts = facts == null ? List.of() : List.copyOf(facts);
        files = files == null ? new TreeMap<>() : new TreeMap<>(files);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
        lastError = Objects.requireNonNullElse(lastError, "");
        nextStep = Objects.requireNonNullElse(nextStep, "");
    }

    public static TaskState forGoal(String goal) {
        return new TaskState(goal, List.of(), List.of(), Map.of(), List.of(), List.of(), "", "");
    }

    @Override
    public Map<String, String> files() {
        return Collections.unmodifiableMap(files);
    }

    /** Records what a tool did to a file; a stronger touch replaces a weaker one, and the model's own words stay. */
    public TaskState touch(String path, FileTouch touch) {
        String current = files.get(path);
        boolean stronger = current == null
                || FileTouch.parse(current).map(old -> touch.compareTo(old) > 0).orElse(false);
        return stronger ? withFile(path, touch.label()) : this;
    }

    public TaskState withFile(String path, String why) {
        Map<String, String> next = new TreeMap<>(files);
        next.put(path, why);
        return new TaskState(goal, plan, facts, next, decisions, openQuestions, lastError, nextStep);
    }

    public TaskState withLastError(String error) {
        return new TaskState(goal, plan, facts, files, decisions, openQuestions, error, nextStep);
    }

    public TaskState withNextStep(String step) {
        return new TaskState(goal, plan, facts, files, decisions, openQuestions, lastError, step);
    }

    public TaskState withPlan(List<PlanStep> steps) {
        return new TaskState(goal, steps, facts, files, decisions, openQuestions, lastError, nextStep);
    }

    public TaskState withFact(String fact) {
        return facts.contains(fact) ? this
                : new TaskState(goal, plan, appended(facts, fact), files, decisions, openQuestions, lastError, nextStep);
    }

    public TaskState withDecision(String decision) {
        return decisions.contains(decision) ? this
                : new TaskState(goal, plan, facts, files, appended(decisions, decision), openQuestions, lastError, nextStep);
    }

    public TaskState withOpenQuestions(List<String> questions) {
        return new TaskState(goal, plan, facts, files, decisions, questions, lastError, nextStep);
    }

    /** Compact Markdown; empty parts are left out. */
    public String render() {
        StringBuilder out = new StringBuilder("## Task state\n\nGoal: ").append(goal).append('\n');
        section(out, "Plan", plan, (i, step) -> out.append(i + 1).append(". [").append(step.status().label().replace('_', ' '))
                .append("] ").append(step.text()));
        section(out, "Facts", facts, (i, fact) -> out.append("- ").append(fact));
        section(out, "Files", List.copyOf(files.entrySet()), (i, file) -> out.append("- ").append(file.getKey())
                .append(": ").append(file.getValue()));
        section(out, "Decisions", decisions, (i, decision) -> out.append("- ").append(decision));
        section(out, "Open questions", openQuestions, (i, question) -> out.append(i + 1).append(". ").append(question));
        line(out, "Last error", lastError);
        line(out, "Next step", nextStep);
        return out.toString();
    }

    private static <T> void section(StringBuilder out, String title, List<T> items, Item<T> item) {
        if (!items.isEmpty()) {
            out.append('\n').append(title).append(":\n");
            for (int i = 0; i < items.size(); i++) {
                item.append(i, items.get(i));
                out.append('\n');
            }
        }
    }

    private static void line(StringBuilder out, String title, String value) {
        if (!value.isEmpty()) {
            out.append('\n').append(title).append(": ").append(value).append('\n');
        }
    }

    private static List<String> appended(List<String> list, String item) {
        List<String> next = new ArrayList<>(list);
        next.add(item);
        return next;
    }

    @FunctionalInterface
    private interface Item<T> {
        void append(int index, T item);
    }
}
