package dev.cachet.harness.cli;

/** cachet's exit codes, as documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = 1;
    static final int INPUT = 2;
    static final int PROVIDER = 3;
    static final int LIMIT = 4;
    static final int CHECK_FAILED = 5;
    static final int INTERNAL = 70;

    private ExitCodes() {}
}
