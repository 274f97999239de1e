package dev.cachet.evals.matrix.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** A client failure as one line that says what to fix: reach the API, or let cachet do what the Role allows. */
final class ClusterFailures {
    private ClusterFailures() {}

    static ClusterException of(KubernetesClientException e, String apiUrl, String namespace) {
        if (e.getCode() == 401 || e.getCode() == 403) {
            return new ClusterException("the Kubernetes API at " + apiUrl + " refused (" + e.getCode() + ") in namespace "
                    + namespace + ": " + firstLine(e.getStatus() != null && e.getStatus().getMessage() != null
                            ? e.getStatus().getMessage() : e.getMessage())
                    + "; the Role cachet needs is in docs/evals-kubernetes.md", e);
        }
        if (e.getCode() > 0) {
            return new ClusterException("the Kubernetes API at " + apiUrl + " answered " + e.getCode() + ": "
                    + firstLine(e.getMessage()), e);
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new ClusterException("cannot reach the Kubernetes API at " + apiUrl + ": " + firstLine(why)
                + " (is the cluster up, and the kube context the right one?)", e);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().split("\\R", 2)[0];
    }
}
