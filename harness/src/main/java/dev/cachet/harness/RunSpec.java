package dev.cachet.harness;

import dev.cachet.harness.loop.Limits;
import java.nio.file.Path;
import java.time.Duration;

/** One session to run, as the user asked for it. */
public record RunSpec(Path workspace, String task, String strategy, Limits limits, Duration commandTimeout) {}
