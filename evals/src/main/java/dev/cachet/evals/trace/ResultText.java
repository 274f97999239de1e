package dev.cachet.evals.trace;

import dev.cachet.context.TokenCounter;

/** A tool result's text as {@link ResultSizes} takes it: sized from above first, counted only when it must be. */
sealed interface ResultText permits ResultText.Decoded, ResultText.Chars, JsonString {
    /** At least the text's length in UTF-8, and so at least its tokens: a token is at least one byte. */
    long utf8BytesAtMost();

    int tokens(TokenCounter counter);

    /** This text, still whole once what it was read from is reused (the line buffer of a streaming reader). */
    ResultText kept();

    /** A text decoded into chars of its own, with the bound of what it was decoded from. */
    record Chars(char[] chars, long utf8BytesAtMost) implements ResultText {
        @Override
        public int tokens(TokenCounter counter) {
            return counter.count(chars, 0, chars.length);
        }

        @Override
        public ResultText kept() {
            return this;
        }
    }

    /** A text already decoded. */
    record Decoded(String text) implements ResultText {
        /** A lone surrogate counts 3 bytes, a pair 6 for its 4. */
        @Override
        public long utf8BytesAtMost() {
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }
            return bytes;
        }

        @Override
        public int tokens(TokenCounter counter) {
            return counter.count(text);
        }

        @Override
        public ResultText kept() {
            return this;
        }
    }
}
