package dev.cachet.evals.matrix;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs a {@link RunExecutor} on {@code jobs} threads of this machine: the local form of a batch. */
final class PooledExecutor implements BatchExecutor {
    private final RunExecutor executor;
    private final int jobs;

    PooledExecutor(RunExecutor executor, int jobs) {
        this.executor = executor;
        this.jobs = jobs;
    }

    @Override
    public void executeAll(List<PlannedRun> pending, Consumer<RunRecord> finished, Cancellation cancellation) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, pending.size())));
        try {
            CompletionService<Optional<RunRecord>> done = new ExecutorCompletionService<>(pool);
            Object reporting = new Object();
            for (PlannedRun run : pending) {
                done.submit(() -> {
                    if (cancellation.cancelled()) {
                        return Optional.empty();
                    }
                    RunRecord record = executor.execute(run);
                    // Recorded and reported before this worker takes its next run, so a cancellation made in the
                    // progress call stops that run from starting; one at a time, so lines and calls never interleave.
                    synchronized (reporting) {
                        finished.accept(record);
                    }
                    return Optional.of(record);
                });
            }
            for (int i = 0; i < pending.size(); i++) {
                await(done);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T await(CompletionService<T> done) {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("eval interrupted", e);
        }
    }
}
