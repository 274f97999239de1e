package dev.cachet.harness.cli;

import dev.cachet.context.error.ExitKind;

/** cachet's exit codes, as documented in the README; a failure's own come from its {@link ExitKind}. */
final class ExitCodes {
    static final int OK = 0;
    static final int USAGE = ExitKind.USAGE.code();
    static final int INPUT = ExitKind.INPUT.code();
    static final int PROVIDER = ExitKind.PROVIDER.code();
    static final int LIMIT = ExitKind.LIMIT.code();
    static final int CHECK_FAILED = 5;
    static final int INTERNAL = 70;

    private ExitCodes() {}
}
