package dev.cachet.evals.matrix.kubernetes;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * What ties an eval's directory to its cluster side, {@code DIR/kubernetes.json}: the eval's id (the label its Jobs
 * are found by), the namespace, and the image. Written on the first start and held to on every resume, so that a
 * resumed eval finds its Jobs and runs the same bits.
 */
public record ClusterEvalState(String evalId, String namespace, String image) {
    public static final String NAME = "kubernetes.json";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * The state {@code dir} holds, the flags checked against it; else a new eval's, from the flags.
     *
     * @param namespace   {@code --namespace}, if given
     * @param image       {@code --image}, if given
     * @param defaultNamespace the kube context's namespace
     * @throws ClusterException if a flag contradicts the state, or a new eval has no image
     */
    public static ClusterEvalState resolve(Path dir, Optional<String> namespace, Optional<String> image,
            String defaultNamespace) {
        Path file = dir.resolve(NAME);
        if (Files.isRegularFile(file)) {
            ClusterEvalState state = read(file);
            if (image.isPresent() && !image.get().equals(state.image())) {
                throw new ClusterException(file + ": this eval runs image " + state.image()
                        + ", and a resume runs the same bits; drop --image, or start another eval with another --out");
            }
            if (namespace.isPresent() && !namespace.get().equals(state.namespace())) {
                throw new ClusterException(file + ": this eval runs in namespace " + state.namespace()
                        + "; drop --namespace, or start another eval with another --out");
            }
            return state;
        }
        String chosen = image.orElseThrow(() -> new ClusterException(
                "--executor kubernetes needs --image REF, the cachet image the pods run (./mvnw -Pimage jib:build;"
                        + " see docs/evals-kubernetes.md)"));
        ClusterEvalState state = new ClusterEvalState(newId(), namespace.orElse(defaultNamespace), chosen);
        write(file, state);
        return state;
    }

    /** Whether the image is named by its digest, the only name that always means the same bits. */
    public boolean pinned() {
        return image.contains("@sha256:");
    }

    private static ClusterEvalState read(Path file) {
        try {
            return Json.mapper().readValue(Files.readString(file), ClusterEvalState.class);
        } catch (JsonProcessingException e) {
            throw new ClusterException(file + ": not cachet's Kubernetes state: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, ClusterEvalState state) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Eight lowercase letters and digits: a valid label value and part of a DNS name. */
    private static String newId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
