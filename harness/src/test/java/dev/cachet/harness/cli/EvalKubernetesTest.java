package dev.cachet.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cachet.context.Json;
import dev.cachet.evals.matrix.RunRecord;
import dev.cachet.evals.matrix.kubernetes.RunPlan;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cachet eval --executor kubernetes} end to end against fabric8's mock API server, and its bad inputs. */
// Plain HTTP: the coordinator trusts what the kubeconfig says, and this one names no CA for the mock's certificate.
@EnableKubernetesMockClient(crud = true, https = false)
class EvalKubernetesTest {
    private static final String KEY = "sk-ant-test-never-in-a-spec";

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private Path suite;

    @BeforeEach
    void suite() throws Exception {
        suite = Files.writeString(dir.resolve("suite.yaml"), """
                name: remote
                tasks:
                  - { id: fix-a, repo: "https://git.example/a.git", prompt: fix a, check: "true" }
                """);
    }

    private Map<String, String> kubeconfig(String server) throws Exception {
        Path file = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters: [ { name: lab, cluster: { server: "%s" } } ]
                contexts: [ { name: lab, context: { cluster: lab, user: me, namespace: evals } } ]
                current-context: lab
                users: [ { name: me, user: { token: not-a-real-token } } ]
                """.formatted(server));
        return Map.of("KUBECONFIG", file.toString(), "ANTHROPIC_API_KEY", KEY);
    }

    private CliRun eval(Map<String, String> environment, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval", suite.toString(), "--executor", "kubernetes",
                "--out", dir.resolve("out").toString(), "--strategies", "transcript,hybrid"));
        args.addAll(List.of(extra));
        return CliRun.withEnvironment(environment, args.toArray(String[]::new));
    }

    @Test
    void the_eval_runs_as_a_job_its_records_come_home_and_no_key_is_in_anything_it_sent() throws Exception {
        CompletableFuture<Job> submitted = new CompletableFuture<>();
        try (var watch = client.batch().v1().jobs().inNamespace("evals").watch(new Watcher<Job>() {
            @Override
            public void eventReceived(Action action, Job job) {
                submitted.complete(job);
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        })) {
            CompletableFuture<CliRun> coordinator = CompletableFuture.supplyAsync(() -> {
                try {
                    return eval(kubeconfig(server.url("/")), "--image", "registry.example/cachet@sha256:0123",
                            "--secret", "model-keys", "--jobs", "2");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            CompletableFuture.anyOf(submitted, coordinator).get(60, TimeUnit.SECONDS);
            assertThat(coordinator).as(() -> coordinator.join().err()).isNotDone();
            Job job = submitted.get();
            finishEveryRun(job);
            CliRun run = coordinator.get(120, TimeUnit.SECONDS);

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("kubernetes: namespace evals, eval ", "image registry.example/cachet@sha256:0123");
            assertThat(run.err()).contains("submitted Job " + job.getMetadata().getName(), "2/2");
            assertThat(Files.readAllLines(dir.resolve("out/results.jsonl"))).hasSize(2);
            assertThat(Files.readString(dir.resolve("out/kubernetes.json"))).contains("registry.example/cachet@sha256:0123");
            Job sent = client.batch().v1().jobs().inNamespace("evals").withName(job.getMetadata().getName()).get();
            ConfigMap map = client.configMaps().inNamespace("evals").withName(job.getMetadata().getName()).get();
            assertThat(Serialization.asYaml(sent) + Serialization.asYaml(map)).doesNotContain(KEY, "ANTHROPIC_API_KEY");
            assertThat(sent.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom()).singleElement()
                    .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("model-keys"));
        }
    }

    /** Plays the cluster: a pod per index that ends with eval-run's record, then the Job complete. */
    private void finishEveryRun(Job job) throws Exception {
        String name = job.getMetadata().getName();
        RunPlan plan = RunPlan.fromJson(client.configMaps().inNamespace("evals").withName(name).get().getData()
                .get("plan.json"), name);
        for (int i = 0; i < plan.runs().size(); i++) {
            RunPlan.Entry run = plan.runs().get(i);
            String record = Json.mapper().writeValueAsString(new RunRecord(run.task(), run.strategy(), run.repeat(),
                    true, 2, 1000, 0, 0, 50, 0.02, 0, 1000, 30_000, "done", "abc", null, run.model(), run.plan(), null));
            client.pods().inNamespace("evals").resource(new PodBuilder()
                    .withNewMetadata().withName(name + "-" + i).withLabels(job.getSpec().getTemplate().getMetadata().getLabels())
                        .withAnnotations(Map.of("batch.kubernetes.io/job-completion-index", Integer.toString(i)))
                    .endMetadata()
                    .withNewStatus().withPhase("Succeeded").withContainerStatuses(new ContainerStatusBuilder()
                            .withName("run").withNewState().withNewTerminated().withExitCode(0).withMessage(record)
                            .endTerminated().endState().build())
                    .endStatus().build()).create();
        }
        client.batch().v1().jobs().inNamespace("evals").withName(name).edit(j -> {
            j.setStatus(new JobStatusBuilder().withConditions(new JobConditionBuilder().withType("Complete")
                    .withStatus("True").build()).build());
            return j;
        });
    }

    @Test
    void an_unreachable_cluster_is_one_line_and_a_non_zero_exit() throws Exception {
        CliRun run = eval(kubeconfig("http://127.0.0.1:1"), "--image", "registry.example/cachet@sha256:0123");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(run.err()).startsWith("cachet: cannot reach the Kubernetes API at http://127.0.0.1:1/")
                .hasLineCount(1);
    }

    @Test
    void bad_flags_and_unusable_suites_are_one_line_each() throws Exception {
        Map<String, String> cluster = kubeconfig("http://127.0.0.1:1");

        CliRun noImage = eval(cluster);
        CliRun localRepo = CliRun.withEnvironment(cluster, "eval", Path.of("../examples/suite.yaml").toString(),
                "--executor", "kubernetes", "--image", "x", "--model", "replay", "--out", dir.resolve("o").toString());
        CliRun imageLocally = CliRun.withEnvironment(cluster, "eval", suite.toString(), "--image", "x",
                "--out", dir.resolve("o2").toString());
        CliRun noContext = eval(cluster, "--image", "x", "--kube-context", "prod");
        CliRun sandboxed = eval(cluster, "--image", "x", "--sandbox", "read-only", "--deny-read", "/srv");

        assertThat(noImage.err()).startsWith("cachet: --executor kubernetes needs --image REF").hasLineCount(1);
        assertThat(localRepo.err()).startsWith("cachet: --executor kubernetes clones each task's repo in its pod")
                .contains("wrap-off-by-one (").hasLineCount(1);
        assertThat(imageLocally.err()).isEqualTo("cachet: --image: only with --executor kubernetes"
                + " (see 'cachet eval --help')" + System.lineSeparator());
        assertThat(imageLocally.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(sandboxed.err()).startsWith("cachet: --sandbox, --deny-read: the sandbox on this machine; with "
                + "--executor kubernetes each run's pod is its sandbox").hasLineCount(1);
        assertThat(sandboxed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noContext.err()).startsWith("cachet: --kube-context prod: no such context in ").hasLineCount(1);
        assertThat(List.of(noImage, localRepo, noContext))
                .allSatisfy(run -> assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT));
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
