package dev.cachet.context.window;

/**
 * A cache breakpoint: the prefix made of the tools and the first {@code messages} messages of a window, its token
 * count, and a hash of its content. A provider caches prefixes at breakpoints; a later request whose prefix has the
 * same hash reads it from the cache.
 */
public record Breakpoint(int messages, int tokens, String prefixHash) {}
