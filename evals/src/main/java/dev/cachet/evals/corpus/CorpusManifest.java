package dev.cachet.evals.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachet.context.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The files of the public trajectory corpus: where each comes from and the sha256 it must have. */
public record CorpusManifest(List<Entry> files) {
    private static final String BUNDLED = "/dev/cachet/evals/corpus/manifest.json";

    /** @param file where the file goes, relative to the corpus directory */
    public record Entry(String file, URI url, String repo, String commit, String license, long bytes, String sha256) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(sha256, "sha256");
            if (file.startsWith("/") || file.contains("..")) {
                throw new IllegalArgumentException("corpus file must stay inside the corpus directory: " + file);
            }
        }
    }

    public CorpusManifest {
        files = List.copyOf(files);
    }

    public static CorpusManifest bundled() {
        try (InputStream in = CorpusManifest.class.getResourceAsStream(BUNDLED)) {
            JsonNode root = Json.mapper().readTree(Objects.requireNonNull(in, BUNDLED));
            List<Entry> entries = new ArrayList<>();
            for (JsonNode file : root.path("files")) {
                entries.add(new Entry(file.path("file").asText(), URI.create(file.path("url").asText()),
                        file.path("repo").asText(), file.path("commit").asText(), file.path("license").asText(),
                        file.path("bytes").asLong(), file.path("sha256").asText()));
            }
            return new CorpusManifest(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled corpus manifest", e);
        }
    }

    public long totalBytes() {
        return files.stream().mapToLong(Entry::bytes).sum();
    }
}
