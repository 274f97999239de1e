package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report as a real browser renders it, offline; skipped where Chromium is not installed. */
@Tag("browser")
class ReplayHtmlReportBrowserTest {
    @TempDir
    Path dir;
    private Chromium chromium;
    private Path page;

    @BeforeEach
    void writePage() throws IOException {
        chromium = Chromium.required(dir);
        page = Files.writeString(dir.resolve("report a&b.html"), ReplayHtmlReportTest.render(
                ReplayHtmlReportTest.twoTraces()), StandardCharsets.UTF_8);
    }

    @Test
    void renders_the_tables_the_charts_and_the_bill() throws Exception {
        String dom = chromium.run(page, "--dump-dom");

        assertThat(dom).contains("<table class=\"summary\">", "<td>transcript</td>", "$0.0280", "0.50×", "0.65×",
                "<table class=\"fidelity\">", "<td>overall</td>", "<table class=\"spikes\">",
                "<h3>a&amp;b&lt;c&gt;</h3>", "<p class=\"estimated\">", "Input cost per call", "Cumulative cost",
                "Window size", "Cache hit rate over the last 10 calls");
        assertThat(dom.split("<svg ", -1)).hasSize(1 + 8);
        // lexer: transcript, masking and its bill in each of 4 charts; a&b<c>: no bill.
        assertThat(dom.split("<polyline ", -1)).hasSize(1 + 4 * 3 + 4 * 2);
        assertThat(dom.split("<polyline data-series=\"recorded\"", -1)).hasSize(1 + 4);
        assertThat(dom.split("<circle class=\"mark\"", -1)).as("the bill's cold call and the legend's ring")
                .hasSize(1 + 2);
        assertThat(dom).contains("cold call", "(cache expired)", "<title>call 2: the cache had expired</title>");
    }

    @Test
    void paints_a_page_that_is_not_blank() throws Exception {
        Path png = dir.resolve("report.png");

        chromium.run(page, "--hide-scrollbars", "--window-size=1400,2400", "--screenshot=" + png);

        byte[] image = Files.readAllBytes(png);
        assertThat(image).startsWith(0x89, 'P', 'N', 'G');
        // A blank page of this size compresses to a few kilobytes; text, tables and charts take far more.
        assertThat(image.length).isGreaterThan(50_000);
    }
}
