package dev.cachet.harness.cli;

/**
 * A command that runs whatever the config files say, so a malformed one does not stop it: cachet reads them before
 * every other command.
 */
interface ConfigFree {}
