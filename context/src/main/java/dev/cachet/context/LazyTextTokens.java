package dev.cachet.context;

import java.util.function.Supplier;

/**
 * Makes its counter on the first count: reading o200k takes a tenth of a second or more, which a command that finds
 * every answer in a cache (a warm {@code stats}) must not spend.
 */
final class LazyTextTokens implements TextTokens {
    private final Once<TextTokens> tokens;

    LazyTextTokens(Supplier<TextTokens> maker) {
        this.tokens = new Once<>(maker);
    }

    @Override
    public int count(String text) {
        return tokens.get().count(text);
    }

    @Override
    public int count(char[] text, int start, int end) {
        return tokens.get().count(text, start, end);
    }
}
