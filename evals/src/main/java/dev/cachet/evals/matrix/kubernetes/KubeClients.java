package dev.cachet.evals.matrix.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the cluster the way kubectl would find it, from the environment cachet was given (not the JVM's, so tests
 * and config layering decide): the first file of {@code KUBECONFIG}, else {@code $HOME/.kube/config}, at the given
 * context, else the file's current one.
 */
public final class KubeClients {
    /** Failing fast matters more here than riding out a blip: a resume reattaches. */
    private static final int RETRIES = 1;
    private static final int CONNECT_TIMEOUT_MS = 10_000;

    /** @param namespace the context's namespace, else {@code default} */
    public record Connection(KubernetesClient client, String namespace) {}

    private KubeClients() {}

    /**
     * @throws ClusterException if there is no kubeconfig, or it lacks the context
     */
    public static Connection open(Map<String, String> environment, Optional<String> context) {
        Path file = kubeconfig(environment);
        Config config;
        try {
            config = Config.fromKubeconfig(context.orElse(null), file.toFile());
        } catch (RuntimeException e) {
            throw new ClusterException(file + ": not a kubeconfig cachet can use: " + e.getMessage(), e);
        }
        if (context.isPresent() && (config.getCurrentContext() == null
                || !context.get().equals(config.getCurrentContext().getName()))) {
            throw new ClusterException("--kube-context " + context.get() + ": no such context in " + file);
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterException(file + ": its context names no cluster server");
        }
        config.setRequestRetryBackoffLimit(RETRIES);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory()).build();
        return new Connection(client, Optional.ofNullable(config.getNamespace()).orElse("default"));
    }

    private static Path kubeconfig(Map<String, String> environment) {
        String listed = environment.getOrDefault("KUBECONFIG", "");
        if (!listed.isBlank()) {
            return Arrays.stream(listed.split(File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                    .filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new ClusterException("KUBECONFIG=" + listed + ": no such file"));
        }
        Path home = Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")));
        Path file = home.resolve(".kube").resolve("config");
        if (!Files.isRegularFile(file)) {
            throw new ClusterException("no kubeconfig: KUBECONFIG is not set and " + file
                    + " does not exist (kubectl's config is what --executor kubernetes uses)");
        }
        return file;
    }
}
