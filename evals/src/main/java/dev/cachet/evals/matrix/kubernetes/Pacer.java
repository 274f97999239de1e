package dev.cachet.evals.matrix.kubernetes;

/** Waits between two looks at a Job: until something may have changed, or a while. Tests step a cluster here. */
@FunctionalInterface
public interface Pacer {
    void pause() throws InterruptedException;

    /**
     * Called once the API has answered, before the first look at any Job: a pacer that watches for changes starts
     * watching here, so that no change after that look goes unseen.
     */
    default void ready() {}
}
