package io.bloomfit.report;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static ResultRow ok(GridPoint p, double mrr, long parameters) {
        return new ResultRow(p, ResultStatus.OK, null, new RankingMetrics(mrr, mrr / 2, mrr / 4, mrr / 8),
                new ResultRow.Fit("fixture", "cpu()", 1, new double[] {1.0 * parameters / 1000}, new double[] {0.5}, 1),
                new ResultRow.Sizes(parameters, parameters * 4, p.ratio(), null, null),
                new ResultRow.Costs(0.01, 0.1, 0, "2026-01-01T00:00:00Z"));
    }

    /**
     * plain (2 repeats) + bloom x {xxh64, md5} x {0.2, 0.5} (xxh64 0.5 twice) + popularity; numbers chosen so the
     * Pareto front and the intervals are clear by hand.
     */
    static List<ResultRow> rows() {
        return List.of(
                ok(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1), 0.30, 1000),
                ok(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 1, 2), 0.32, 1000),
                ok(new GridPoint("bloom", "xxh64", 0.2, 2, Sides.BOTH, 0, 1), 0.20, 200),
                ok(new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 0, 1), 0.25, 500),
                ok(new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 1, 2), 0.27, 500),
                ok(new GridPoint("bloom", "md5", 0.2, 2, Sides.BOTH, 0, 1), 0.18, 200),
                ok(new GridPoint("bloom", "md5", 0.5, 2, Sides.BOTH, 0, 1), 0.26, 500),
                reference(new GridPoint("popularity", null, 1.0, 1, Sides.NONE, 0, 1), 0.10));
    }

    private static ResultRow reference(GridPoint p, double mrr) {
        return new ResultRow(p, ResultStatus.OK, null, new RankingMetrics(mrr, mrr / 2, mrr / 4, mrr / 8),
                new ResultRow.Fit("none", "cpu()", 1, null, null, 0), new ResultRow.Sizes(0, 0, 1.0, null, null),
                new ResultRow.Costs(0, 0.1, 0, "2026-01-01T00:00:00Z"));
    }

    @Test
    void thePageIsSelfContained() {
        String html = HtmlReport.render("demo <run>", "synthetic", ExperimentSummary.of(rows()));
        assertThat(html).contains("<title>bloomfit: demo &lt;run&gt;</title>");
        assertThat(html).contains("Chart.js v4.6.1");
        assertThat(html).doesNotContainPattern("(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(html).doesNotContain("<link");
    }

    @Test
    void rendersInHeadlessChromiumWithEveryDataPointAndNoErrors(@TempDir Path dir) throws Exception {
        String chromium = findChromium();
        assumeTrue(chromium != null, "chromium is not installed here (apt-get install -y chromium); CI installs it");
        Path page = dir.resolve("report.html");
        Files.writeString(page, HtmlReport.render("demo", "synthetic", ExperimentSummary.of(rows())),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr",
                "--v=0", "--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("dom.html").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        String dom = Files.readString(dir.resolve("dom.html"));
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        Matcher check = Pattern.compile("<pre id=\"render-check\">([^<]*)</pre>").matcher(dom);
        assertThat(check.find()).as("render check in the DOM; chromium said:\n" + stderr).isTrue();
        // points: MRR vs ratio 2 + 2 + plain 1 = 5; seconds vs ratio 5; MRR vs parameters 5 (popularity is no grid
        // point) + Pareto front {(200, .20), (500, .26), (1000, .31)} 3 = 8; MRR vs bytes: 2 + 2 series points, one
        // interval bar (xxh64 0.5, 2 ends), plain and popularity lines (2 ends each) = 10; total 28
        assertThat(check.group(1)).isEqualTo("charts=4 points=28 rows=6 errors=0");
        assertThat(dom).contains("<td class=\"num\">0.839</td>"); // md5 0.5 relative to plain: 0.26 / 0.31
        assertThat(dom).contains("<td class=\"num\">2.600</td>"); // md5 0.5 relative to popularity: 0.26 / 0.10
        // xxh64 0.5: mean 0.26, sd 0.0141421, 0.26 +- 12.7062 * 0.0141421 / sqrt(2) = 0.26 +- 0.12706
        assertThat(dom).contains("<td class=\"num\">0.1329-0.3871</td>");
        assertThat(dom).contains("lower than plain beyond noise"); // -0.05 in both repeats
        assertThat(stderr).doesNotContain("Uncaught").doesNotContain(":ERROR:CONSOLE");
    }

    static String findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return null;
    }
}
