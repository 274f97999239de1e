package dev.cachet.harness.chat;

import dev.cachet.harness.loop.StopRequest;

/**
 * Ctrl-C in a chat stops the turn under way, not the chat: each request runs with a stop request of its own,
 * armed when it starts, so a stop never outlives the turn it stopped. Between turns Ctrl-C has nothing to stop.
 */
public final class TurnStop {
    private StopRequest current;

    /** A fresh stop request for the turn about to run. */
    public synchronized StopRequest arm() {
        current = new StopRequest();
        return current;
    }

    /** The turn is over: a Ctrl-C now reaches nothing. */
    public synchronized void disarm() {
        current = null;
    }

    /** Stops the turn under way, if one is; says whether one was. */
    public synchronized boolean interrupt(String why) {
        if (current == null) {
            return false;
        }
        current.request(why);
        return true;
    }
}
