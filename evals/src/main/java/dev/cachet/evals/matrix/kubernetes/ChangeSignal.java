package dev.cachet.evals.matrix.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's pacer on a real cluster: a look at the Job follows any change to the eval's pods or Jobs at once,
 * and at the latest after {@code backstop}, so a watch the API server dropped costs a few seconds, never the eval.
 * The watches open when the executor says the API answers, before its first look at a Job.
 */
public final class ChangeSignal implements Pacer, AutoCloseable {
    private final KubernetesClient client;
    private final String namespace;
    private final String evalId;
    private final Duration backstop;
    private final Semaphore changed = new Semaphore(0);
    private final List<Watch> watches = new ArrayList<>();

    public ChangeSignal(KubernetesClient client, String namespace, String evalId, Duration backstop) {
        this.client = client;
        this.namespace = namespace;
        this.evalId = evalId;
        this.backstop = backstop;
    }

    @Override
    public void ready() {
        if (watches.isEmpty()) {
            watches.add(client.pods().inNamespace(namespace).withLabel(JobManifests.EVAL_LABEL, evalId).watch(signal()));
            watches.add(client.batch().v1().jobs().inNamespace(namespace).withLabel(JobManifests.EVAL_LABEL, evalId)
                    .watch(signal()));
        }
    }

    @Override
    public void pause() throws InterruptedException {
        ready();
        changed.tryAcquire(backstop.toMillis(), TimeUnit.MILLISECONDS);
        changed.drainPermits();
    }

    private <T> Watcher<T> signal() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                changed.release();
            }

            @Override
            public void onClose(WatcherException cause) {
                // Nothing to do: the backstop keeps the coordinator looking.
            }
        };
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }
}
