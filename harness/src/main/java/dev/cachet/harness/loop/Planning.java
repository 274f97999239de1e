package dev.cachet.harness.loop;

import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;

/**
 * Plan before act: what cachet asks of the model in the user's name before it may use tools, and what it says once
 * the plan is written. The plan request goes without the tools array, so the model can only write.
 *
 * @param ask the request for a plan, as numbered steps
 * @param goAhead what follows the plan: carry it out, keeping the steps' status in the task state
 */
public record Planning(String ask, String goAhead, WindowFactory windows) {
    Window withoutTools(Window window) {
        return windows.withoutTools(window);
    }
}
