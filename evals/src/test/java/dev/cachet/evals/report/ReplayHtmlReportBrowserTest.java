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
    void renders_the_summary_and_the_charts() throws Exception {
        String dom = chromium.run(page, "--dump-dom");

        assertThat(dom).contains("<table class=\"summary\">", "<td>transcript</td>", "$0.0280", "0.50×",
                "<h3>a&amp;b&lt;c&gt;</h3>", "Cumulative cost", "Window size", "Cache hit rate");
        assertThat(dom.split("<svg ", -1)).hasSize(1 + 6);
        assertThat(dom.split("<polyline ", -1)).hasSize(1 + 12);
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
