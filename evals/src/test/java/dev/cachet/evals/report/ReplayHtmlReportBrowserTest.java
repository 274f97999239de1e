package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a real browser renders it, offline; skipped where Chromium is not installed. */
@Tag("browser")
class ReplayHtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;
    private Path page;

    @BeforeEach
    void writePage() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM), "needs Chromium at " + CHROMIUM);
        page = Files.writeString(dir.resolve("report a&b.html"), ReplayHtmlReportTest.render(
                ReplayHtmlReportTest.twoTraces()), StandardCharsets.UTF_8);
    }

    /** Runs headless Chromium on the page, with a fresh profile and nothing that calls home; returns its stdout. */
    private String chromium(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
        command.addAll(List.of(options));
        command.add(page.toUri().toString());
        // Files rather than pipes: a full pipe would block Chromium, and nothing here reads it while it runs.
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish in 90 s: " + Files.readString(err));
        }
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void renders_the_summary_and_the_charts() throws Exception {
        String dom = chromium("--dump-dom");

        assertThat(dom).contains("<table class=\"summary\">", "<td>transcript</td>", "$0.0280", "0.50×",
                "<h3>a&amp;b&lt;c&gt;</h3>", "Cumulative cost", "Window size", "Cache hit rate");
        assertThat(dom.split("<svg ", -1)).hasSize(1 + 6);
        assertThat(dom.split("<polyline ", -1)).hasSize(1 + 12);
    }

    @Test
    void paints_a_page_that_is_not_blank() throws Exception {
        Path png = dir.resolve("report.png");

        chromium("--hide-scrollbars", "--window-size=1400,2400", "--screenshot=" + png);

        byte[] image = Files.readAllBytes(png);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        // A blank page of this size compresses to a few kilobytes; text, tables and charts take far more.
        assertThat(image.length).isGreaterThan(50_000);
    }
}
