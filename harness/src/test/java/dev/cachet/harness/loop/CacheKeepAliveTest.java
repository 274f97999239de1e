package dev.cachet.harness.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.TokenCounter;
import dev.cachet.context.message.AssistantTurn;
import dev.cachet.context.message.UserText;
import dev.cachet.context.window.SegmentKind;
import dev.cachet.context.window.Window;
import dev.cachet.context.window.WindowFactory;
import dev.cachet.providers.FinishReason;
import dev.cachet.providers.KeepAlive;
import dev.cachet.providers.ModelResponse;
import dev.cachet.providers.Usage;
import dev.cachet.providers.pricing.KeepAliveCost;
import dev.cachet.providers.pricing.ModelPrice;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One request at a time, on real threads: an idle stretch ends only after a ping in flight has returned. */
class CacheKeepAliveTest {
    private static final ModelPrice PRICE = new ModelPrice(3, 15, 3.75, 6, 0.30);
    private static final Usage CALL = new Usage(10, 2_000, 18_000, 50, 0);

    private final List<String> order = new CopyOnWriteArrayList<>();
    private final CountDownLatch pingStarted = new CountDownLatch(1);

    @Test
    void the_session_goes_on_only_once_the_ping_in_flight_has_returned() {
        Thread session = Thread.currentThread();
        KeepAlive ping = window -> {
            pingStarted.countDown();
            // The ping holds on until the session is blocked waiting for it; if it never blocks, the order shows it.
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (session.getState() != Thread.State.BLOCKED && System.nanoTime() < giveUp) {
                Thread.onSpinWait();
            }
            order.add("ping returned");
            return new ModelResponse(AssistantTurn.text("R"), new Usage(10, 0, 20_000, 1, 0), 0, FinishReason.MAX_TOKENS);
        };
        Ledger ledger = new Ledger(PRICE);
        // No interval: the ping starts as soon as the stretch does, on the scheduler's own thread.
        try (CacheKeepAlive keepAlive = new CacheKeepAlive(ping, 1, Duration.ZERO, new KeepAliveCost(PRICE),
                ledger, event -> { }, new ThreadScheduler("test-keepalive"))) {
            keepAlive.sent(1, window(), Optional.of(CALL));
            keepAlive.whileIdle(() -> {
                awaitPing();
                return null;
            });
            order.add("session goes on");
        }

        assertThat(order).containsExactly("ping returned", "session goes on");
        assertThat(ledger.pings().count()).isEqualTo(1);
    }

    private void awaitPing() {
        try {
            assertThat(pingStarted.await(10, TimeUnit.SECONDS)).as("the ping started").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Window window() {
        return new WindowFactory(TokenCounter.o200k()).builder()
                .segment(SegmentKind.HISTORY, List.of(new UserText("fix the test"))).breakpoint().build();
    }
}
