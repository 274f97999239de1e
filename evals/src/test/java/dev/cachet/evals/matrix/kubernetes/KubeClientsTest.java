package dev.cachet.evals.matrix.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeClientsTest {
    @TempDir
    Path dir;

    /** A kubeconfig with two contexts on {@code server}: {@code lab} (current, namespace evals) and {@code other}. */
    static String kubeconfig(String server) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: lab
                    cluster: { server: "%s" }
                contexts:
                  - name: lab
                    context: { cluster: lab, user: me, namespace: evals }
                  - name: other
                    context: { cluster: lab, user: me }
                current-context: lab
                users:
                  - name: me
                    user: { token: not-a-real-token }
                """.formatted(server);
    }

    @Test
    void the_cluster_comes_from_kubeconfig_at_its_current_context_or_the_one_asked_for() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), kubeconfig("http://127.0.0.1:6443"));

        try (var lab = KubeClients.open(Map.of("KUBECONFIG", file.toString()), Optional.empty()).client()) {
            assertThat(lab.getMasterUrl().toString()).isEqualTo("http://127.0.0.1:6443/");
        }
        assertThat(KubeClients.open(Map.of("KUBECONFIG", file.toString()), Optional.empty()).namespace())
                .isEqualTo("evals");
        assertThat(KubeClients.open(Map.of("KUBECONFIG", file.toString()), Optional.of("other")).namespace())
                .isEqualTo("default");
    }

    @Test
    void a_missing_kubeconfig_or_context_is_named() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), kubeconfig("http://127.0.0.1:6443"));

        assertThatThrownBy(() -> KubeClients.open(Map.of("HOME", dir.toString()), Optional.empty()))
                .isInstanceOf(ClusterException.class).hasMessageContaining(dir.resolve(".kube/config").toString());
        assertThatThrownBy(() -> KubeClients.open(Map.of("KUBECONFIG", dir.resolve("nope").toString()), Optional.empty()))
                .isInstanceOf(ClusterException.class).hasMessageContaining("KUBECONFIG=" + dir.resolve("nope"));
        assertThatThrownBy(() -> KubeClients.open(Map.of("KUBECONFIG", file.toString()), Optional.of("prod")))
                .isInstanceOf(ClusterException.class).hasMessage("--kube-context prod: no such context in " + file);
    }
}
