package dev.cachet.tools;

/** A tool call failed in a way the model should see and can act on; the message is written for the model. */
public class ToolException extends Exception {
    public ToolException(String message) {
        super(message);
    }
}
