package dev.cachet.evals.trace;

/** A streaming summary reader cannot vouch for a file: its importer must read it, and give its summaries or error. */
final class Unsure extends RuntimeException {
    Unsure(String why) {
        super(why, null, false, false);
    }
}
