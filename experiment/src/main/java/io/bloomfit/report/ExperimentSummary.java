package io.bloomfit.report;

import io.bloomfit.eval.ReferenceMethod;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.report.stats.MeanInterval;
import io.bloomfit.report.stats.PairedComparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates result rows per (compressor, hash, ratio, k, sides, options) over repeats and relates each group to the
 * {@code plain} baseline, and to the {@code popularity} reference when the rows hold it. Failed rows are counted,
 * never averaged in. Beside each group's means, {@link #statistics(SummaryRow)} gives its 95% interval and its
 * paired comparison with {@code plain} over the same repeats.
 */
public final class ExperimentSummary {

    private final List<SummaryRow> rows;
    private final SummaryRow baseline;
    private final Map<SummaryRow.Group, GroupStatistics> statistics;

    private ExperimentSummary(List<SummaryRow> rows, SummaryRow baseline,
                              Map<SummaryRow.Group, GroupStatistics> statistics) {
        this.rows = rows;
        this.baseline = baseline;
        this.statistics = statistics;
    }

    /**
     * Summarises {@code results}; groups appear sorted by mean MRR, best first (groups with no ok run last). A
     * point and repeat counts once however often it is stored ({@link #latestPerPoint}).
     */
    public static ExperimentSummary of(List<ResultRow> results) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : latestPerPoint(results)) {
            GridPoint p = r.point();
            String key = p.compressor() + "|" + p.hash() + "|" + p.ratio() + "|" + p.hashes() + "|" + p.sides() + "|"
                    + GridPoint.optionsText(p.options());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Aggregate> aggregates = new ArrayList<>();
        Aggregate base = null;
        Aggregate popularity = null;
        for (List<ResultRow> group : groups.values()) {
            Aggregate a = Aggregate.of(group);
            aggregates.add(a);
            if (group.get(0).point().baseline()) {
                base = a;
            }
            if (group.get(0).point().reference()
                    && group.get(0).point().compressor().equals(ReferenceMethod.POPULARITY.specName())) {
                popularity = a;
            }
        }
        double popularityMrr = popularity == null || popularity.runs == 0 ? Double.NaN : popularity.mrr.mean();
        double baseMrr = base == null || base.runs == 0 ? Double.NaN : base.mrr.mean();
        double baseSeconds = base == null || base.runs == 0 ? Double.NaN : base.seconds.mean();
        Set<String> baseProcesses = base == null ? Set.of() : base.timedIn;
        List<SummaryRow> rows = new ArrayList<>();
        Map<SummaryRow.Group, GroupStatistics> statistics = new LinkedHashMap<>();
        SummaryRow baselineRow = null;
        for (Aggregate a : aggregates) {
            SummaryRow row = a.toRow(baseMrr, baseSeconds, baseProcesses);
            rows.add(row);
            if (a == base) {
                baselineRow = row;
            }
            PairedComparison versusPlain = base == null || a == base ? null
                    : PairedComparison.of(a.mrrByRepeat, base.mrrByRepeat);
            statistics.put(row.group(), new GroupStatistics(a.mrr, versusPlain,
                    popularityMrr > 0 ? a.mrr.mean() / popularityMrr : Double.NaN));
        }
        rows.sort(Comparator.comparing((SummaryRow r) -> r.runs() == 0)
                .thenComparing(Comparator.comparingDouble((SummaryRow r) -> r.quality().mrr()).reversed()));
        return new ExperimentSummary(List.copyOf(rows), baselineRow, statistics);
    }

    /**
     * One row per {@link GridPoint#key()} (point and repeat), in order of first appearance: the last {@code ok} row
     * of that key, else its last failed row. A resumed run re-runs failed points, and a results file written twice
     * must not count a point twice (that would report a standard deviation over copies).
     */
    static List<ResultRow> latestPerPoint(List<ResultRow> results) {
        Map<String, ResultRow> chosen = new LinkedHashMap<>();
        for (ResultRow r : results) {
            ResultRow earlier = chosen.get(r.point().key());
            if (earlier == null || r.ok() || !earlier.ok()) {
                chosen.put(r.point().key(), r);
            }
        }
        return new ArrayList<>(chosen.values());
    }

    /** Whether some group's speedup is missing because it and the baseline were timed in different processes. */
    public boolean hasIncomparableSpeedups() {
        return rows.stream().anyMatch(r -> !r.speed().comparable());
    }

    /** Groups, best mean MRR first. */
    public List<SummaryRow> rows() {
        return rows;
    }

    /** The {@code plain} group, or {@code null} when no baseline row exists. */
    public SummaryRow baseline() {
        return baseline;
    }

    /** The statistics over the repeats of {@code row}'s group (a row of {@link #rows()}). */
    public GroupStatistics statistics(SummaryRow row) {
        GroupStatistics s = statistics.get(row.group());
        if (s == null) {
            throw new IllegalArgumentException("not a row of this summary: " + row.label());
        }
        return s;
    }

    /** The {@code popularity} reference group, or {@code null} when the rows hold none. */
    public SummaryRow popularity() {
        return rows.stream().filter(r -> r.reference()
                && r.group().compressor().equals(ReferenceMethod.POPULARITY.specName())).findFirst().orElse(null);
    }

    private static final class Aggregate {
        GridPoint point;
        int runs;
        int failed;
        MeanInterval mrr;
        MeanInterval p10;
        MeanInterval r10;
        MeanInterval ndcg;
        MeanInterval seconds;
        MeanInterval parameters;
        MeanInterval bytes;
        MeanInterval achieved;
        Set<String> timedIn = new HashSet<>();
        ResultRow.LayerSizes layers;
        String firstError;
        Map<Integer, Double> mrrByRepeat = new LinkedHashMap<>();

        static Aggregate of(List<ResultRow> group) {
            Aggregate a = new Aggregate();
            a.point = group.get(0).point();
            List<ResultRow> ok = new ArrayList<>();
            for (ResultRow r : group) {
                if (r.ok()) {
                    ok.add(r);
                    a.timedIn.add(r.costs().timedIn());
                } else {
                    a.failed++;
                    if (a.firstError == null) {
                        a.firstError = Objects.requireNonNullElse(r.error(), "failed");
                    }
                }
            }
            a.runs = ok.size();
            for (ResultRow r : ok) {
                a.mrrByRepeat.put(r.point().repeat(), r.metrics().mrr());
            }
            a.mrr = MeanInterval.of(ok.stream().mapToDouble(r -> r.metrics().mrr()).toArray());
            a.p10 = MeanInterval.of(ok.stream().mapToDouble(r -> r.metrics().precisionAt10()).toArray());
            a.r10 = MeanInterval.of(ok.stream().mapToDouble(r -> r.metrics().recallAt10()).toArray());
            a.ndcg = MeanInterval.of(ok.stream().mapToDouble(r -> r.metrics().ndcgAt10()).toArray());
            a.seconds = MeanInterval.of(ok.stream().mapToDouble(ResultRow::secondsPerEpoch).toArray());
            a.parameters = MeanInterval.of(ok.stream().mapToDouble(r -> (double) r.sizes().parameters()).toArray());
            a.bytes = MeanInterval.of(ok.stream().mapToDouble(r -> (double) r.sizes().bytes()).toArray());
            a.achieved = MeanInterval.of(ok.stream().mapToDouble(r -> r.sizes().achievedRatio()).toArray());
            a.layers = ok.isEmpty() ? null : ok.get(0).sizes().layers();
            return a;
        }

        /**
         * Speedups only where this group and the baseline were timed in one process: epoch times of two JVMs
         * (a run and its resume) differ by JIT state and machine load, not by the compressor. A reference ranker
         * is never fitted, so it has no speed to compare and is not "not comparable" either.
         */
        SummaryRow toRow(double baseMrr, double baseSeconds, Set<String> baseProcesses) {
            double relative = baseMrr > 0 ? mrr.mean() / baseMrr : Double.NaN;
            boolean comparable = runs == 0 || point.reference() || baseProcesses.isEmpty()
                    || (baseProcesses.size() == 1 && timedIn.equals(baseProcesses));
            double speedup = seconds.mean() > 0 && comparable ? baseSeconds / seconds.mean() : Double.NaN;
            return new SummaryRow(
                    new SummaryRow.Group(point.compressor(), point.hash(), point.ratio(), point.hashes(), point.sides(),
                            point.options()),
                    runs, failed,
                    new SummaryRow.Quality(mrr.mean(), mrr.sd(), p10.mean(), r10.mean(), ndcg.mean(), relative),
                    new SummaryRow.Speed(seconds.mean(), seconds.sd(), speedup, comparable),
                    new SummaryRow.Size(parameters.mean(), bytes.mean(), achieved.mean(), layers), firstError);
        }
    }
}
