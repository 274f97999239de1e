package dev.cachet.harness.chat;

/** Where a chat reads what the user types: a line (perhaps of several lines), a Ctrl-C, or the end (Ctrl-D). */
public interface ChatInput {
    Input read(String prompt);

    /** One thing the user did at the prompt. */
    sealed interface Input {
        /** Text the user entered; lines continued with a trailing backslash are joined with newlines. */
        record Line(String text) implements Input {}

        /** Ctrl-C at the prompt: nothing runs, so it only clears the line. */
        record Interrupt() implements Input {}

        /** Ctrl-D, or the input ended: the chat ends with its summary. */
        record End() implements Input {}
    }
}
