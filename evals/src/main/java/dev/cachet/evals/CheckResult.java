package dev.cachet.evals;

/** The outcome of a task's check command. */
public record CheckResult(boolean passed, int exitCode, boolean timedOut, String output) {}
