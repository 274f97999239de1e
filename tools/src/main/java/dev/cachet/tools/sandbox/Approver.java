package dev.cachet.tools.sandbox;

/** Asks the user before a command runs or a file changes. */
@FunctionalInterface
public interface Approver {
    /** Approves everything: the user did not ask to be asked. */
    Approver ALWAYS = what -> true;

    /** @param what the command or the change, as the tool describes it, e.g. {@code run `make test`} */
    boolean approve(String what);
}
