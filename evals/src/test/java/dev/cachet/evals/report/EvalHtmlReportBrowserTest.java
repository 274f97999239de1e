package dev.cachet.evals.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The eval report as a real browser renders it, offline; skipped where Chromium is not installed. */
@Tag("browser")
class EvalHtmlReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void renders_the_tables_and_both_charts() throws Exception {
        Chromium chromium = Chromium.required(dir);
        Path page = Files.writeString(dir.resolve("eval.html"),
                EvalHtmlReportTest.render(EvalFixtures.repeated()), StandardCharsets.UTF_8);

        String dom = chromium.run(page, "--dump-dom");

        assertThat(dom).contains("<table class=\"summary\">", "<table class=\"tasks\">", "<td class=\"num\">2/3 "
                + "$0.0133</td>", "Solve rate vs cost", "Cost distribution", "agent: rate limited");
        assertThat(dom.split("<svg ", -1)).hasSize(1 + 2);
        assertThat(dom.split("<circle ", -1)).hasSize(1 + 2);
    }
}
