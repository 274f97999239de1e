package dev.cachet.harness.loop;

import dev.cachet.context.state.PlanStep;
import dev.cachet.context.state.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the steps of a plan the model wrote as a numbered list ("1. ...", "2) ..."), Markdown emphasis dropped; any
 * other line is prose around the plan. The first step is in progress, the rest to do.
 */
final class PlanText {
    private static final Pattern STEP = Pattern.compile("^\\s*\\d{1,2}[.)]\\s+(.+)$");
    private static final int MAX_STEP_CHARS = 200;

    private PlanText() {}

    static List<PlanStep> steps(String text) {
        List<PlanStep> steps = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher step = STEP.matcher(line);
            if (step.matches()) {
                String words = step.group(1).replace("**", "").replace("`", "").strip();
                words = words.length() <= MAX_STEP_CHARS ? words : words.substring(0, MAX_STEP_CHARS) + "...";
                steps.add(new PlanStep(words, steps.isEmpty() ? StepStatus.IN_PROGRESS : StepStatus.TODO));
            }
        }
        return steps;
    }
}
