package dev.cachet.tools.sandbox;

/** A confined command cannot run: a program the sandbox needs is missing. The message says what to install. */
public class SandboxUnavailableException extends Exception {
    public SandboxUnavailableException(String message) {
        super(message);
    }
}
