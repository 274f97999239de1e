package dev.cachet.evals.matrix.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cachet.evals.matrix.Cancellation;
import dev.cachet.evals.matrix.EvalMatrix;
import dev.cachet.evals.matrix.PlannedRun;
import dev.cachet.evals.matrix.ResultsFile;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.SimulatedCluster.End;
import dev.cachet.evals.suite.Suite;
import dev.cachet.providers.CacheLifetime;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator against fabric8's mock API server in CRUD mode, with a simulated cluster playing the pods. */
@EnableKubernetesMockClient(crud = true)
class KubernetesExecutorTest {
    private static final String EVAL = "e7f3a1c2";
    private static final AgentSettings AGENT = new AgentSettings("anthropic:claude-sonnet-4-6", null,
            CacheLifetime.FIVE_MINUTES, Map.of("hybrid", Map.of("keep", 12)));
    private static final KubernetesTarget TARGET = new KubernetesTarget(SimulatedCluster.NAMESPACE,
            "registry.example/cachet@sha256:0123", Optional.of("model-keys"), Optional.empty(), 2);

    KubernetesClient client;

    @TempDir
    Path dir;

    private Suite suite;
    private List<PlannedRun> plan;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void suite() throws Exception {
        Path file = Files.writeString(dir.resolve("suite.yaml"), """
                name: remote
                defaults: { timeout: 20m, check_timeout: 5m }
                tasks:
                  - { id: fix-a, repo: "https://git.example/a.git", commit: main, prompt: fix a, check: "true" }
                  - { id: fix-b, repo: "https://git.example/b.git", prompt: fix b, check: "true", timeout: 40m }
                """);
        suite = Suite.read(file);
        plan = EvalMatrix.plan(suite.tasks(), List.of("transcript", "hybrid"), 1);
    }

    private KubernetesExecutor executor(SimulatedCluster cluster, AtomicBoolean detach) {
        return new KubernetesExecutor(client, TARGET, suite, AGENT, EVAL, cluster, detach::get, notices::add);
    }

    private List<RunRecord> run(KubernetesExecutor executor, boolean resume, Cancellation cancellation) {
        try (ResultsFile results = ResultsFile.open(dir.resolve("out"), resume)) {
            return new EvalMatrix(executor, 2).run(plan, results, p -> { }, cancellation);
        }
    }

    private List<Job> jobs() {
        return client.batch().v1().jobs().inNamespace(SimulatedCluster.NAMESPACE).list().getItems();
    }

    private List<String> resultKeys() {
        return ResultsFile.read(dir.resolve("out").resolve(ResultsFile.NAME)).stream().map(RunRecord::key).toList();
    }

    @Test
    void one_indexed_job_and_its_config_map_run_the_pending_runs_with_keys_only_by_secret_reference() {
        SimulatedCluster cluster = new SimulatedCluster(client)
                .then(0, End.SUCCEED).then(1, End.SUCCEED).then(2, End.SUCCEED).then(3, End.SUCCEED);

        run(executor(cluster, new AtomicBoolean()), false, new Cancellation());

        Job job = client.batch().v1().jobs().inNamespace(SimulatedCluster.NAMESPACE).withName("cachet-eval-" + EVAL + "-1")
                .get();
        JobSpec spec = job.getSpec();
        assertThat(job.getMetadata().getLabels()).containsEntry("cachet.dev/eval", EVAL);
        assertThat(spec.getCompletionMode()).isEqualTo("Indexed");
        assertThat(spec.getCompletions()).isEqualTo(4);
        assertThat(spec.getParallelism()).isEqualTo(2);
        assertThat(spec.getBackoffLimitPerIndex()).isZero();
        assertThat(spec.getPodFailurePolicy().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getAction()).isEqualTo("Ignore");
            assertThat(rule.getOnPodConditions()).singleElement()
                    .satisfies(c -> assertThat(c.getType()).isEqualTo("DisruptionTarget"));
        });
        // The longest task (40m) and its check (5m), plus 10m for clone and setup.
        assertThat(spec.getTemplate().getSpec().getActiveDeadlineSeconds()).isEqualTo(Duration.ofMinutes(55).toSeconds());
        assertThat(spec.getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(spec.getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
        Container container = spec.getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getImage()).isEqualTo("registry.example/cachet@sha256:0123");
        assertThat(container.getArgs()).startsWith("eval-run", "--plan-dir", "/plan");
        assertThat(container.getEnv()).isNullOrEmpty();
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("model-keys"));

        ConfigMap map = client.configMaps().inNamespace(SimulatedCluster.NAMESPACE).withName("cachet-eval-" + EVAL + "-1")
                .get();
        assertThat(map.getData()).containsOnlyKeys("suite.yaml", "plan.json");
        RunPlan sent = RunPlan.fromJson(map.getData().get("plan.json"), "plan.json");
        assertThat(sent.runs()).extracting(RunPlan.Entry::key)
                .containsExactly("fix-a/transcript/1", "fix-a/hybrid/1", "fix-b/transcript/1", "fix-b/hybrid/1");
        assertThat(sent.agent().paramsFor("hybrid")).containsEntry("keep", 12);
        assertThat(map.getMetadata().getOwnerReferences()).singleElement()
                .satisfies(owner -> assertThat(owner.getName()).isEqualTo(job.getMetadata().getName()));
        // Nothing that looks like a key or a key's variable anywhere in what was sent.
        String sentText = Serialization.asYaml(job) + Serialization.asYaml(map);
        assertThat(sentText).doesNotContain("API_KEY", "sk-", "valueFrom", "secretKeyRef");
        assertThat(resultKeys()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void pods_finishing_out_of_order_evicted_killed_and_seen_again_give_each_run_exactly_once() {
        SimulatedCluster cluster = new SimulatedCluster(client)
                .then(3, End.SUCCEED)       // the last run first
                .then(0, End.EVICTED)       // evicted: the controller starts it again...
                .then(1, End.DEADLINE)      // its deadline killed it: an errored record
                .then(0, End.SUCCEED)       // ...and the second pod finishes it
                .then(2, End.CRASH);        // cachet died without a record: lost

        List<RunRecord> records = run(executor(cluster, new AtomicBoolean()), false, new Cancellation());

        assertThat(resultKeys()).containsExactly("fix-b/hybrid/1", "fix-a/hybrid/1", "fix-a/transcript/1");
        assertThat(records).filteredOn(r -> r.key().equals("fix-a/hybrid/1")).singleElement().satisfies(r -> {
            assertThat(r.error()).isEqualTo("pod: DeadlineExceeded");
            assertThat(r.wallMs()).isEqualTo(Duration.ofMinutes(40).toMillis());
            assertThat(r.solved()).isFalse();
        });
        assertThat(notices).contains("run fix-a/transcript/1: evicted (EvictionByEvictionAPI)")
                .anyMatch(n -> n.startsWith("run fix-b/transcript/1: failed without a record (exit 1: cachet: the plan"));
        assertThat(notices.stream().filter(n -> n.contains("evicted"))).hasSize(1);
    }

    @Test
    void resume_runs_again_only_the_runs_whose_pods_were_lost() {
        SimulatedCluster first = new SimulatedCluster(client)
                .then(0, End.SUCCEED).then(1, End.CRASH).then(2, End.SUCCEED).then(3, End.STOPPED);
        KubernetesExecutor executor = executor(first, new AtomicBoolean());
        run(executor, false, new Cancellation());
        assertThat(executor.report().missing()).containsOnlyKeys("fix-a/hybrid/1", "fix-b/hybrid/1");

        SimulatedCluster second = new SimulatedCluster(client).then(1, End.SUCCEED).then(0, End.SUCCEED);
        run(executor(second, new AtomicBoolean()), true, new Cancellation());

        assertThat(jobs()).extracting(job -> job.getMetadata().getName())
                .containsExactlyInAnyOrder("cachet-eval-" + EVAL + "-1", "cachet-eval-" + EVAL + "-2");
        Job again = client.batch().v1().jobs().inNamespace(SimulatedCluster.NAMESPACE)
                .withName("cachet-eval-" + EVAL + "-2").get();
        assertThat(again.getSpec().getCompletions()).isEqualTo(2);
        assertThat(resultKeys()).hasSize(4).doesNotHaveDuplicates()
                .endsWith("fix-b/hybrid/1", "fix-a/hybrid/1");
    }

    @Test
    void an_evicted_run_whose_job_went_away_is_missing_and_resume_runs_it_again_once() {
        SimulatedCluster first = new SimulatedCluster(client)
                .then(0, End.SUCCEED).then(1, End.EVICTED).then(2, End.SUCCEED).then(3, End.SUCCEED).thenJobDeleted();
        KubernetesExecutor executor = executor(first, new AtomicBoolean());
        run(executor, false, new Cancellation());
        assertThat(executor.report().missing()).containsExactly(Map.entry("fix-a/hybrid/1", "evicted (EvictionByEvictionAPI)"));

        SimulatedCluster second = new SimulatedCluster(client).then(0, End.SUCCEED);
        KubernetesExecutor resumed = executor(second, new AtomicBoolean());
        run(resumed, true, new Cancellation());

        assertThat(jobs()).extracting(job -> job.getSpec().getCompletions()).containsExactly(1);
        assertThat(resultKeys()).containsExactly("fix-a/transcript/1", "fix-b/transcript/1", "fix-b/hybrid/1",
                "fix-a/hybrid/1");
        assertThat(resumed.report().missing()).isEmpty();
    }

    /** A coordinator that stops looking once the first pod has ended, as if killed: the Job runs on. */
    private List<String> killedAfterFirstRecord(SimulatedCluster cluster) {
        AtomicBoolean killed = new AtomicBoolean();
        Pacer killing = () -> {
            cluster.pause();
            killed.set(cluster.pauses() == 2);
        };
        KubernetesExecutor first = new KubernetesExecutor(client, TARGET, suite, AGENT, EVAL, killing, killed::get,
                notices::add);
        run(first, false, new Cancellation());
        assertThat(first.report().detached()).isTrue();
        return resultKeys();
    }

    @Test
    void a_coordinator_killed_mid_watch_is_resumed_by_reattaching_to_the_running_job() {
        SimulatedCluster cluster = new SimulatedCluster(client)
                .then(2, End.SUCCEED).then(0, End.SUCCEED).then(1, End.SUCCEED).then(3, End.SUCCEED);
        assertThat(killedAfterFirstRecord(cluster)).containsExactly("fix-b/transcript/1");

        KubernetesExecutor resumed = executor(cluster, new AtomicBoolean());
        run(resumed, true, new Cancellation());

        assertThat(jobs()).hasSize(1);
        assertThat(resumed.report().reattached()).isTrue();
        assertThat(notices).contains("reattached to Job cachet-eval-" + EVAL + "-1 (still running)");
        assertThat(resultKeys()).containsExactly("fix-b/transcript/1", "fix-a/transcript/1", "fix-a/hybrid/1",
                "fix-b/hybrid/1");
    }

    @Test
    void records_of_a_job_that_finished_while_no_coordinator_looked_come_home_without_a_new_job() {
        SimulatedCluster cluster = new SimulatedCluster(client)
                .then(2, End.SUCCEED).then(0, End.SUCCEED).then(1, End.SUCCEED).then(3, End.SUCCEED);
        killedAfterFirstRecord(cluster);
        cluster.playOut();
        int pauses = cluster.pauses();

        KubernetesExecutor resumed = executor(cluster, new AtomicBoolean());
        run(resumed, true, new Cancellation());

        assertThat(cluster.pauses()).isEqualTo(pauses);
        assertThat(jobs()).hasSize(1);
        assertThat(resumed.report().job()).isEmpty();
        assertThat(resultKeys()).hasSize(4).doesNotHaveDuplicates();
    }

    @Test
    void a_cost_limit_tells_pods_not_started_to_start_nothing_and_runs_under_way_finish() {
        SimulatedCluster cluster = new SimulatedCluster(client)
                .then(0, End.SUCCEED).then(1, End.STOPPED).then(3, End.SUCCEED).then(2, End.STOPPED);
        Cancellation limit = new Cancellation();
        KubernetesExecutor executor = executor(cluster, new AtomicBoolean());

        try (ResultsFile results = ResultsFile.open(dir.resolve("out"), false)) {
            new EvalMatrix(executor, 2).run(plan, results, p -> limit.cancel(), limit);
        }

        assertThat(client.configMaps().inNamespace(SimulatedCluster.NAMESPACE).withName("cachet-eval-" + EVAL + "-1")
                .get().getData()).containsKey("stop");
        assertThat(resultKeys()).containsExactly("fix-a/transcript/1", "fix-b/hybrid/1");
        assertThat(executor.report().missing()).containsOnlyKeys("fix-a/hybrid/1", "fix-b/transcript/1");
    }

    @Test
    void an_unreachable_cluster_is_one_line_naming_where_it_was_looked_for() throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), KubeClientsTest.kubeconfig("http://127.0.0.1:1"));
        try (KubernetesClient nowhere = KubeClients.open(Map.of("KUBECONFIG", kubeconfig.toString()), Optional.empty())
                .client()) {
            KubernetesExecutor executor = new KubernetesExecutor(nowhere, TARGET, suite, AGENT, EVAL,
                    () -> { throw new AssertionError("no cluster to wait for"); }, () -> false, notices::add);

            assertThatThrownBy(() -> run(executor, false, new Cancellation()))
                    .isInstanceOf(ClusterException.class)
                    .hasMessageStartingWith("cannot reach the Kubernetes API at http://127.0.0.1:1/")
                    .hasMessageNotContaining("\n");
        }
    }
}
