package dev.cachet.harness;

import dev.cachet.harness.loop.RunResult;
import java.nio.file.Path;

/** A finished session and where its log is. */
public record SessionOutcome(String sessionId, RunResult result, Path log) {}
