package dev.cachet.harness.cli;

import dev.cachet.evals.corpus.CorpusFetcher;
import dev.cachet.evals.corpus.CorpusManifest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Download the public corpus (SWE-agent, mini-swe-agent, OpenHands, Claude Code and Codex "
                + "sessions from public GitHub repositories, at pinned commits) into the cache, checking each file's "
                + "sha256 against the manifest bundled in cachet. Files already there are not downloaded again; a "
                + "file that does not match is not kept."})
final class CorpusFetchCommand implements Callable<Integer> {
    private static final String GITHUB = "https://github.com/";

    @ParentCommand
    CorpusCommand corpus;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the corpus goes. Default: $XDG_CACHE_HOME/cachet/corpus, else ~/.cache/cachet/corpus.")
    Path dir;

    @Option(names = "--mirror", paramLabel = "URL", description = "Fetch from this mirror of github.com instead.")
    String mirror;

    @Override
    public Integer call() {
        PrintWriter out = corpus.out();
        CorpusFetcher fetcher = CorpusFetcher.direct(mirror());
        Path target = dir != null ? dir : defaultDir();
        CorpusManifest manifest = CorpusManifest.bundled();
        out.printf(Locale.ROOT, "fetching %d files (%,d bytes) into %s%n", manifest.files().size(), manifest.totalBytes(), target);
        out.flush();
        ProgressLine progress = ProgressLine.on(corpus.err());
        int downloaded = fetcher.fetch(manifest, target,
                p -> progress.show(p.done(), p.total(), p.file() + (p.downloaded() ? "" : " (already there)")));
        progress.finish();
        out.printf("%d downloaded, %d already there, all verified. Replay them: cachet replay %s%n", downloaded,
                manifest.files().size() - downloaded, target);
        return ExitCodes.OK;
    }

    private UnaryOperator<URI> mirror() {
        if (mirror == null) {
            return UnaryOperator.identity();
        }
        String base = mirror.endsWith("/") ? mirror : mirror + "/";
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            throw new UsageException("--mirror must be an http(s) URL, got " + mirror);
        }
        return url -> URI.create(base + url.toString().substring(GITHUB.length()));
    }

    private Path defaultDir() {
        return corpus.root.dirs().cache().resolve("corpus");
    }
}
