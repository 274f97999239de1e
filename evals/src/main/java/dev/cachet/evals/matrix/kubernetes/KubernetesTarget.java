package dev.cachet.evals.matrix.kubernetes;

import java.util.Objects;
import java.util.Optional;

/**
 * Where and how an eval's pods run, from {@code cachet eval --executor kubernetes}'s flags.
 *
 * @param image         the pod image, best by digest ({@code repo@sha256:...}) so a resumed eval runs the same bits
 * @param secret        the Secret whose keys become the pod's environment (the model API keys); none: no keys
 * @param resultsVolume a PersistentVolumeClaim that session logs are kept on; none: they go to the pod's log
 * @param parallelism   pods at once ({@code --jobs})
 */
public record KubernetesTarget(String namespace, String image, Optional<String> secret, Optional<String> resultsVolume,
        int parallelism) {
    public KubernetesTarget {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(image, "image");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
    }
}
