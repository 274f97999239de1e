package dev.cachet.harness.view;

import dev.cachet.context.Counted;
import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows the plan in the task state: shows it whole when it is written, then a line each time the step under way
 * changes (the first in progress, else the first still to do), so the user sees where the agent is in its plan.
 */
final class PlanLine {
    private List<PlanStep> plan = List.of();
    private int current = -1;

    /** The lines to show for the state's plan now; none when nothing the user would see changed. */
    List<String> follow(List<PlanStep> next, Style style) {
        List<String> lines = new ArrayList<>();
        if (plan.isEmpty() && !next.isEmpty()) {
            lines.add(style.bold("plan: " + Counted.of(next.size(), "step")));
            for (int i = 0; i < next.size(); i++) {
                lines.add(String.format(Locale.ROOT, "  %d. [%s] %s", i + 1, next.get(i).status().label(), shown(next.get(i))));
            }
            current = currentOf(next).orElse(-1);
        } else if (!next.isEmpty()) {
            int now = currentOf(next).orElse(-1);
            if (now != current) {
                lines.add(now < 0 ? style.green("plan: every step is done")
                        : style.cyan(String.format(Locale.ROOT, "step %d/%d: %s", now + 1, next.size(), shown(next.get(now)))));
            }
            current = now;
        }
        plan = next;
        return lines;
    }

    // The model wrote it: one line, its colours shown, so that it cannot draw lines of cachet's own.
    private static String shown(PlanStep step) {
        return TerminalText.uncoloured(step.text().replace('\n', ' '));
    }

    private static Optional<Integer> currentOf(List<PlanStep> steps) {
        for (StepStatus wanted : List.of(StepStatus.IN_PROGRESS, StepStatus.TODO)) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).status() == wanted) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }
}
