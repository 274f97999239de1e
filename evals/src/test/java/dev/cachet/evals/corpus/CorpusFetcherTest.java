package dev.cachet.evals.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.cachet.evals.trace.Corpus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFetcherTest {
    private static final Map<String, String> FILES = Map.of("/a.jsonl", "{\"type\":\"a\"}\n", "/b/c.traj", "{}");

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    private URI serve(Map<String, String> files) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static CorpusManifest manifest(URI base, Map<String, String> expected) {
        List<CorpusManifest.Entry> entries = new ArrayList<>();
        expected.forEach((path, content) -> entries.add(new CorpusManifest.Entry(path.substring(1), base.resolve(path),
                "owner/repo", "abc1234", "MIT", content.length(), sha256(content))));
        return new CorpusManifest(entries);
    }

    private static String sha256(String content) {
        try {
            Path file = Files.createTempFile("sha", ".txt");
            Files.writeString(file, content);
            String sha = CorpusFetcher.sha256(file);
            Files.delete(file);
            return sha;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void fetches_every_file_verified_and_skips_those_already_there() throws IOException {
        URI base = serve(FILES);
        CorpusManifest manifest = manifest(base, FILES);
        CorpusFetcher fetcher = CorpusFetcher.direct();
        List<CorpusFetcher.Progress> progress = new ArrayList<>();

        assertThat(fetcher.fetch(manifest, dir, progress::add)).isEqualTo(2);
        assertThat(Files.readString(dir.resolve("a.jsonl"))).isEqualTo(FILES.get("/a.jsonl"));
        assertThat(Files.readString(dir.resolve("b/c.traj"))).isEqualTo("{}");
        assertThat(progress).extracting(CorpusFetcher.Progress::done).containsExactly(1, 2);

        assertThat(fetcher.fetch(manifest, dir, p -> {})).isZero();
        assertThat(requests).hasValue(2);
    }

    @Test
    void a_download_whose_hash_differs_is_an_error_and_is_not_kept() throws IOException {
        URI base = serve(Map.of("/a.jsonl", "tampered"));
        CorpusManifest manifest = manifest(base, Map.of("/a.jsonl", "original"));

        assertThatThrownBy(() -> CorpusFetcher.direct().fetch(manifest, dir, p -> {}))
                .isInstanceOf(CorpusException.class)
                .hasMessageStartingWith("a.jsonl: ")
                .hasMessageContaining("the manifest says " + sha256("original") + "; not kept");
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_missing_file_on_the_server_names_the_status() throws IOException {
        URI base = serve(Map.of());

        assertThatThrownBy(() -> CorpusFetcher.direct().fetch(manifest(base, Map.of("/a.jsonl", "x")), dir, p -> {}))
                .hasMessageContaining("a.jsonl: ").hasMessageContaining("answered HTTP 404");
    }

    @Test
    void offline_says_so_and_keeps_what_was_fetched() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> CorpusFetcher.direct().fetch(manifest(nowhere, Map.of("/a.jsonl", "x")), dir, p -> {}))
                .isInstanceOf(CorpusException.class)
                .hasMessage("cannot reach 127.0.0.1 to fetch a.jsonl (offline?); files already fetched are kept, run again to go on");
    }

    @Test
    void the_bundled_manifest_describes_the_shared_corpus_byte_for_byte() {
        assumeTrue(Files.isDirectory(Corpus.root()), "corpus not present");
        CorpusManifest manifest = CorpusManifest.bundled();

        assertThat(manifest.files()).hasSize(19);
        for (CorpusManifest.Entry entry : manifest.files()) {
            Path file = Corpus.root().resolve(entry.file());
            assertThat(CorpusFetcher.sha256(file)).as(entry.file()).isEqualTo(entry.sha256());
            assertThat(entry.url().toString()).startsWith("https://github.com/" + entry.repo() + "/raw/" + entry.commit() + "/");
        }
    }
}
