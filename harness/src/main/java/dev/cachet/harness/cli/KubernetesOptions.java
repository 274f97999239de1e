package dev.cachet.harness.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code cachet eval}'s flags for {@code --executor kubernetes}; meaningless, and refused, with any other. */
final class KubernetesOptions {
    static final List<String> NAMES = List.of("--namespace", "--image", "--kube-context", "--secret", "--results-volume");

    @Option(names = "--namespace", paramLabel = "NS",
            description = "Kubernetes: the namespace of the eval's Jobs. Default: the kube context's, else 'default'.")
    String namespace;

    @Option(names = "--image", paramLabel = "REF",
            description = "Kubernetes: the cachet image pods run, best by digest (repo@sha256:...); required on the "
                    + "first start, recorded in DIR/kubernetes.json so --resume runs the same one.")
    String image;

    @Option(names = "--kube-context", paramLabel = "NAME",
            description = "Kubernetes: the kubeconfig context (KUBECONFIG, else ~/.kube/config). Default: its current one.")
    String kubeContext;

    @Option(names = "--secret", paramLabel = "NAME",
            description = "Kubernetes: the Secret whose entries become each pod's environment: the model API keys. "
                    + "Keys reach pods only this way.")
    String secret;

    @Option(names = "--results-volume", paramLabel = "PVC",
            description = "Kubernetes: a PersistentVolumeClaim to keep session logs on. Default: each pod's log.")
    String resultsVolume;

    Optional<String> namespace() {
        return Optional.ofNullable(namespace);
    }

    Optional<String> image() {
        return Optional.ofNullable(image);
    }

    Optional<String> kubeContext() {
        return Optional.ofNullable(kubeContext);
    }

    Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    Optional<String> resultsVolume() {
        return Optional.ofNullable(resultsVolume);
    }
}
