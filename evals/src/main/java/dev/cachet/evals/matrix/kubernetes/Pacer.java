package dev.cachet.evals.matrix.kubernetes;

/** Waits between two looks at a Job: until something may have changed, or a while. Tests step a cluster here. */
@FunctionalInterface
public interface Pacer {
    void pause() throws InterruptedException;
}
