package dev.cachet.evals.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Session;
import dev.cachet.context.strategy.ConfiguredStrategy;
import dev.cachet.context.strategy.ContextStrategy;
import dev.cachet.context.strategy.Strategies;
import dev.cachet.context.strategy.StrategyInfo;
import dev.cachet.context.strategy.TranscriptStrategy;
import dev.cachet.context.window.Window;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A trajectory's strategies replay at once on the fork-join pool they are run in, and come back as on one thread. */
class ParallelStrategiesTest {
    private static final List<ConfiguredStrategy> ALL = Strategies.all().stream()
            .map(info -> new ConfiguredStrategy(info, info.configure(Map.of()))).toList();

    private static <T> T on(int threads, Callable<T> task) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(task).get();
        } finally {
            pool.shutdown();
        }
    }

    /** The transcript, doing {@code before} as each render starts. */
    private static ConfiguredStrategy transcript(String name, Function<Session, RuntimeException> before) {
        StrategyInfo info = new StrategyInfo(name, "the transcript", List.of(), (services, params) -> new ContextStrategy() {
            private final ContextStrategy transcript = new TranscriptStrategy(services.windows());

            @Override
            public Window render(Session session) {
                RuntimeException failure = before.apply(session);
                if (failure != null) {
                    throw failure;
                }
                return transcript.render(session);
            }
        });
        return new ConfiguredStrategy(info, info.configure(Map.of()));
    }

    @Test
    void on_many_threads_the_runs_come_back_in_the_strategies_order_as_on_one() throws Exception {
        CounterfactualReplay replay = CounterfactualReplayTest.replay();

        List<ReplayRun> alone = on(1, () -> replay.replay(CounterfactualReplayTest.lexerSession(), ALL));
        List<ReplayRun> atOnce = on(4, () -> replay.replay(CounterfactualReplayTest.lexerSession(), ALL));

        assertThat(atOnce).extracting(ReplayRun::strategy)
                .containsExactlyElementsOf(ALL.stream().map(strategy -> strategy.info().name()).toList());
        assertThat(atOnce).isEqualTo(alone);
    }

    @Test
    void two_strategies_render_at_the_same_time() throws Exception {
        // Each first render waits for the other's: on one thread after the other, neither would see it.
        CountDownLatch started = new CountDownLatch(2);
        Function<Session, RuntimeException> meet = session -> {
            if (session.history().isEmpty()) {
                started.countDown();
                try {
                    return started.await(30, TimeUnit.SECONDS) ? null : new IllegalStateException("rendered alone");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new IllegalStateException(e);
                }
            }
            return null;
        };

        List<ReplayRun> runs = on(2, () -> CounterfactualReplayTest.replay().replay(
                CounterfactualReplayTest.lexerSession(), List.of(transcript("a", meet), transcript("b", meet))));

        assertThat(runs).extracting(ReplayRun::strategy).containsExactly("a", "b");
    }

    @Test
    void a_failure_is_the_first_failing_strategys_as_it_threw_it_whatever_thread_it_failed_on() throws Exception {
        List<ConfiguredStrategy> failing = List.of(transcript("fine", session -> null),
                transcript("first", session -> new IllegalStateException("first failed")),
                transcript("second", session -> new IllegalStateException("second failed")),
                transcript("third", session -> new IllegalArgumentException("third failed")));

        for (int threads : new int[] {1, 4}) {
            // Caught on the pool's thread, as a batch catches a file's failure.
            RuntimeException thrown = on(threads, () -> {
                try {
                    CounterfactualReplayTest.replay().replay(CounterfactualReplayTest.lexerSession(), failing);
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            });

            assertThat(thrown).isExactlyInstanceOf(IllegalStateException.class).hasMessage("first failed").hasNoCause();
        }
    }
}
