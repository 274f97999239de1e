package dev.cachet.harness.loop;

import dev.cachet.providers.session.StopReason;
import dev.cachet.providers.Usage;

/** How a session ended and what it cost. */
public record RunResult(StopReason reason, String detail, int turns, Usage usage, double costUsd) {}
