package io.bloomfit.report;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.RankingMetrics;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultStatus;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.experiment.store.DirectoryResultStore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentSummaryTest {

    private static ResultRow ok(GridPoint p, double mrr, double... secondsPerEpoch) {
        return new ResultRow(p, ResultStatus.OK, null, new RankingMetrics(mrr, mrr / 2, mrr / 4, mrr / 8),
                new ResultRow.Fit("fixture", "cpu()", 1, secondsPerEpoch, new double[secondsPerEpoch.length], 0),
                new ResultRow.Sizes(1000, 4000, p.ratio(), null, null),
                new ResultRow.Costs(0.01, 0.1, 0, "2026-01-01T00:00:00Z"));
    }

    private static ResultRow failed(GridPoint p) {
        return new ResultRow(p, ResultStatus.FAILED, "training diverged", null,
                new ResultRow.Fit("fixture", null, 1, null, null, Double.NaN),
                new ResultRow.Sizes(0, 0, Double.NaN, null, null),
                new ResultRow.Costs(Double.NaN, Double.NaN, 0, "2026-01-01T00:00:00Z"));
    }

    private static GridPoint plain(int repeat) {
        return new GridPoint("plain", null, 1.0, 1, Sides.NONE, repeat, repeat);
    }

    private static GridPoint bloom(int repeat) {
        return new GridPoint("bloom", "xxh64", 0.4, 2, Sides.BOTH, repeat, repeat);
    }

    @Test
    void networkGroupsListTheirInputAndOutputLayersBelowTheTable() {
        GridPoint bloom = new GridPoint("bloom", "xxh64", 0.5, 3, Sides.ITEMS, 0, 0);
        // m = 25,000 positions, hidden [256, 128]: input 25,000 x 256 + 256 = 6,400,256 floats (25.6 MB);
        // output 25,000 x 128 + 25,000 = 3,225,000 floats (12.9 MB)
        ResultRow.LayerSizes layers = new ResultRow.LayerSizes(6_400_256L, 3_225_000L);
        ResultRow row = new ResultRow(bloom, ResultStatus.OK, null, new RankingMetrics(0.1, 0.1, 0.1, 0.1),
                new ResultRow.Fit("djl", "cpu()", 1, new double[] {2.0}, new double[] {1.0}, 2.0),
                new ResultRow.Sizes(9_700_000L, 38_800_000L, 0.5, null, null, layers),
                new ResultRow.Costs(0.01, 0.1, 0, "2026-01-01T00:00:00Z"));

        ExperimentSummary summary = ExperimentSummary.of(List.of(ok(plain(0), 0.2, 4.0), row));

        assertThat(summary.rows()).filteredOn(r -> !r.baseline()).singleElement()
                .satisfies(r -> assertThat(r.size().layers()).isEqualTo(layers));
        assertThat(ConsoleReport.render(summary)).contains("network layers: bloom xxh64 0.5 k=3 items: input 6.4M "
                + "params, 25.6MB; output 3.2M params, 12.9MB\n");
    }

    @Test
    void meansSpreadsAndRelativeNumbersMatchAHandComputation() {
        List<ResultRow> rows = List.of(
                ok(plain(0), 0.2, 2, 4),      // 3 s/epoch
                ok(plain(1), 0.4, 3, 3),      // 3 s/epoch
                ok(bloom(0), 0.15, 1, 1),     // 1 s/epoch
                ok(bloom(1), 0.15, 1.5, 0.5), // 1 s/epoch
                failed(bloom(2)));
        ExperimentSummary summary = ExperimentSummary.of(rows);
        SummaryRow base = summary.baseline();
        assertThat(base.runs()).isEqualTo(2);
        assertThat(base.quality().mrr()).isCloseTo(0.3, within(1e-12));
        // sample std of {0.2, 0.4}: sqrt((0.01 + 0.01) / 1) = 0.1414213562
        assertThat(base.quality().mrrStd()).isCloseTo(0.1414213562, within(1e-9));
        assertThat(base.quality().relativeMrr()).isCloseTo(1.0, within(1e-12));
        assertThat(base.speed().speedup()).isCloseTo(1.0, within(1e-12));

        SummaryRow b = summary.rows().stream().filter(r -> r.group().compressor().equals("bloom")).findFirst().orElseThrow();
        assertThat(b.runs()).isEqualTo(2);
        assertThat(b.failed()).isEqualTo(1);
        assertThat(b.firstError()).isEqualTo("training diverged");
        assertThat(b.quality().mrr()).isCloseTo(0.15, within(1e-12));
        assertThat(b.quality().mrrStd()).isEqualTo(0.0);
        assertThat(b.quality().precisionAt10()).isCloseTo(0.075, within(1e-12));
        assertThat(b.quality().relativeMrr()).isCloseTo(0.5, within(1e-12));   // 0.15 / 0.3
        assertThat(b.speed().secondsPerEpoch()).isCloseTo(1.0, within(1e-12));
        assertThat(b.speed().speedup()).isCloseTo(3.0, within(1e-12));       // 3 s / 1 s
        // best MRR first
        assertThat(summary.rows()).extracting(r -> r.group().compressor()).containsExactly("plain", "bloom");
    }

    @Test
    void withoutABaselineRelativeNumbersAreMissing() {
        ExperimentSummary summary = ExperimentSummary.of(List.of(ok(bloom(0), 0.1, 1.0), failed(plain(0))));
        SummaryRow b = summary.rows().get(0);
        assertThat(b.quality().relativeMrr()).isNaN();
        assertThat(b.speed().speedup()).isNaN();
        assertThat(summary.rows().get(1).runs()).isZero();
        assertThat(ConsoleReport.render(summary)).contains("note: no successful plain baseline");
    }

    @Test
    void theConsoleTableIsAlignedAndSortedByMrr() {
        List<ResultRow> rows = List.of(ok(plain(0), 0.3, 3), ok(bloom(0), 0.15, 1.5),
                ok(new GridPoint("bloom", "md5", 0.4, 2, Sides.BOTH, 0, 0), 0.25, 1.0));
        String table = ConsoleReport.render(ExperimentSummary.of(rows));
        String[] lines = table.split("\n");
        assertThat(lines[0]).startsWith("compressor").contains("MRR", "rel.MRR", "s/epoch", "speedup")
                .endsWith(" parameters  failed");
        // the rows' parameters field (1000, see ok()), not a count of its own
        assertThat(lines[2]).endsWith(" 1.0k       0");
        assertThat(lines[1]).matches("-+");
        assertThat(lines[2]).startsWith("plain ").contains("0.3000", "1.000", "1.00x");
        assertThat(lines[3]).startsWith("bloom ").contains(" md5 ", "0.2500", "0.833", "3.00x");
        assertThat(lines[4]).startsWith("bloom ").contains(" xxh64 ", "0.1500", "0.500", "2.00x");
        int end = lines[0].indexOf(" sd") + " sd".length();
        for (int i = 2; i <= 4; i++) {
            // right-aligned numbers end where their header ends
            assertThat(lines[i].charAt(end - 1)).isNotEqualTo(' ');
            assertThat(lines[i].charAt(end)).isEqualTo(' ');
        }
    }

    @Test
    void csvHasTheHeaderAndOneLinePerGroup() {
        String csv = SummaryCsv.render(ExperimentSummary.of(List.of(ok(plain(0), 0.3, 3), ok(bloom(0), 0.15, 1.5),
                failed(bloom(1)))));
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo(SummaryCsv.HEADER);
        assertThat(lines).hasSize(3);
        // one run: no spread, so mrr_std is empty (not 0)
        assertThat(lines[1]).startsWith("plain,,1,1,none,1,0,0.3,,");
        assertThat(lines[2]).startsWith("bloom,xxh64,0.4,2,both,1,1,0.15,,").contains(",training diverged,");
    }

    private static GridPoint popularity(int repeat) {
        return new GridPoint("popularity", null, 1.0, 1, Sides.NONE, repeat, repeat);
    }

    /**
     * plain 0.20, 0.21, 0.19 and bloom 0.21, 0.23, 0.22 over repeats 0..2 (differences 0.01, 0.02, 0.03: mean 0.02,
     * 95% CI [-0.0048, 0.0448], p = 0.0742, see PairedComparisonTest); popularity 0.1 in every repeat, so bloom's MRR
     * relative to popularity is 0.22 / 0.1 = 2.2 and plain's 0.2 / 0.1 = 2.0.
     */
    @Test
    void statisticsOverRepeatsComparePairedWithPlainAndRelateToPopularity() {
        List<ResultRow> rows = List.of(ok(plain(0), 0.20, 1), ok(plain(1), 0.21, 1), ok(plain(2), 0.19, 1),
                ok(bloom(0), 0.21, 1), ok(bloom(1), 0.23, 1), ok(bloom(2), 0.22, 1),
                ok(popularity(0), 0.1), ok(popularity(1), 0.1), ok(popularity(2), 0.1));
        ExperimentSummary summary = ExperimentSummary.of(rows);
        SummaryRow b = summary.rows().stream().filter(r -> r.group().compressor().equals("bloom")).findFirst()
                .orElseThrow();
        GroupStatistics stats = summary.statistics(b);
        assertThat(stats.versusPlain().difference().mean()).isCloseTo(0.02, within(1e-12));
        assertThat(stats.versusPlain().pValue()).isCloseTo(0.0741799, within(1e-7));
        assertThat(stats.relativeToPopularity()).isCloseTo(2.2, within(1e-12));
        assertThat(summary.statistics(summary.baseline()).relativeToPopularity()).isCloseTo(2.0, within(1e-12));
        assertThat(summary.statistics(summary.baseline()).versusPlain()).isNull();
        assertThat(summary.popularity().reference()).isTrue();
        assertThat(summary.baseline().group().compressor()).isEqualTo("plain");

        String table = ConsoleReport.render(summary);
        assertThat(table).contains("rel.pop", "95% CI", "2.200");
        assertThat(table).contains("bloom xxh64 0.4 k=2 both vs plain: MRR +0.0200 (95% CI -0.0048 to +0.0448, "
                + "paired t-test p = 0.0742, 3 repeats): within noise (the interval includes 0)");
        String csv = SummaryCsv.render(summary);
        assertThat(csv.lines().filter(l -> l.startsWith("bloom,")).findFirst().orElseThrow())
                .endsWith("," + SummaryCsv.num(stats.relativeToPopularity()) + ",0.02," + SummaryCsv.num(stats.versusPlain().difference().low()) + ","
                        + SummaryCsv.num(stats.versusPlain().difference().high()) + ","
                        + SummaryCsv.num(stats.versusPlain().pValue()) + ","); // no options: an empty last cell
    }

    /**
     * A fresh run: plain and bloom timed in this process, the reference rankers never fitted (no epochs, no
     * timing process, as the runner writes them). Nothing is "not comparable", and the resume note stays away.
     */
    @Test
    void referenceRankersOfAFreshRunDoNotMakeSpeedupsIncomparable() {
        ResultRow.Costs here = new ResultRow.Costs(0.01, 0.1, 0, "2026-01-01T00:00:00Z", "41@2026-01-01T00:00:00Z");
        ResultRow plain = withCosts(ok(plain(0), 0.2, 2.0), here);
        ResultRow bloom = withCosts(ok(bloom(0), 0.15, 1.0), here);
        ResultRow popularity = ok(popularity(0), 0.1); // timed_in null, no epochs
        ExperimentSummary summary = ExperimentSummary.of(List.of(plain, bloom, popularity));

        assertThat(summary.hasIncomparableSpeedups()).isFalse();
        SummaryRow b = summary.rows().stream().filter(r -> r.group().compressor().equals("bloom")).findFirst()
                .orElseThrow();
        assertThat(b.speed().speedup()).isCloseTo(2.0, within(1e-12));
        String table = ConsoleReport.render(summary);
        assertThat(table).doesNotContain("n/c");
        assertThat(table).doesNotContain("note: speedup");
    }

    private static ResultRow withCosts(ResultRow r, ResultRow.Costs costs) {
        return new ResultRow(r.point(), r.status(), r.error(), r.metrics(), r.fit(), r.sizes(), costs);
    }

    @Test
    void aSingleRepeatShowsNoSpreadRatherThanZero() {
        String table = ConsoleReport.render(ExperimentSummary.of(List.of(ok(plain(0), 0.3, 3), ok(bloom(0), 0.15, 1))));
        String plainLine = table.lines().filter(l -> l.startsWith("plain ")).findFirst().orElseThrow();
        assertThat(plainLine).matches(".* 0\\.3000 +- +- .*").doesNotContain("0.0000"); // sd and 95% CI
        assertThat(table).contains("bloom xxh64 0.4 k=2 both vs plain: MRR -0.1500 (1 paired repeat): run repeats "
                + ">= 2 to tell a difference from noise");
    }

    @Test
    void aPointStoredTwiceCountsOnceTheLastOkRowWinning(@TempDir Path dir) throws Exception {
        // the file two runs into one directory left behind: every point twice, and a failed retry after an ok row
        DirectoryResultStore store = new DirectoryResultStore(dir);
        for (ResultRow row : List.of(ok(plain(0), 0.2, 2), ok(bloom(0), 0.1, 1), failed(bloom(1)),
                ok(plain(0), 0.4, 2), ok(bloom(0), 0.3, 1), ok(bloom(1), 0.5, 1), failed(bloom(0)))) {
            store.append(row);
        }
        ExperimentSummary summary = ExperimentSummary.of(store.read());
        assertThat(summary.baseline().runs()).isEqualTo(1);
        assertThat(summary.baseline().quality().mrr()).isCloseTo(0.4, within(1e-12));
        assertThat(summary.baseline().quality().mrrStd()).isNaN(); // one run: no spread
        SummaryRow b = summary.rows().stream().filter(r -> r.group().compressor().equals("bloom")).findFirst()
                .orElseThrow();
        // repeat 0: last ok 0.3 (the later failed row does not replace it); repeat 1: the ok retry 0.5
        assertThat(b.runs()).isEqualTo(2);
        assertThat(b.failed()).isZero();
        assertThat(b.quality().mrr()).isCloseTo(0.4, within(1e-12));
    }
}
