package dev.cachet.tools.mcp;

import dev.cachet.tools.sandbox.ServerEnvironment;

/** The environment these tests run in, handed to servers as it is: no workspace here for a variable to name. */
final class AsStarted {
    static final ServerEnvironment ENVIRONMENT = ServerEnvironment.unchanged(System.getenv());

    private AsStarted() {}
}
