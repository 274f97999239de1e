package dev.cachet.harness.cli;

/**
 * A command that builds a harness, and with it counts tokens: {@link Main} starts reading the o200k encoding on
 * another core as the JVM starts, which the quick commands (--version, statusline, sessions) must not wait on. Not
 * {@code stats}: it needs o200k only for logs its cache does not hold, and reads it then.
 */
interface CountsTokens {}
