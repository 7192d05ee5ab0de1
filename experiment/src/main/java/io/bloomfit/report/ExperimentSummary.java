package io.bloomfit.report;

import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.ResultRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Aggregates result rows per (compressor, hash, ratio, k, sides) over repeats and relates each group to the
 * {@code plain} baseline. Failed rows are counted, never averaged in.
 */
public final class ExperimentSummary {

    private final List<SummaryRow> rows;
    private final SummaryRow baseline;

    private ExperimentSummary(List<SummaryRow> rows, SummaryRow baseline) {
        this.rows = rows;
        this.baseline = baseline;
    }

    /** Summarises {@code results}; groups appear sorted by mean MRR, best first (groups with no ok run last). */
    public static ExperimentSummary of(List<ResultRow> results) {
        Map<String, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : results) {
            GridPoint p = r.point();
            String key = p.compressor() + "|" + p.hash() + "|" + p.ratio() + "|" + p.hashes() + "|" + p.sides();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Aggregate> aggregates = new ArrayList<>();
        Aggregate base = null;
        for (List<ResultRow> group : groups.values()) {
            Aggregate a = Aggregate.of(group);
            aggregates.add(a);
            if (group.get(0).point().baseline()) {
                base = a;
            }
        }
        double baseMrr = base == null || base.runs == 0 ? Double.NaN : base.mrr.mean;
        double baseSeconds = base == null || base.runs == 0 ? Double.NaN : base.seconds.mean;
        List<SummaryRow> rows = new ArrayList<>();
        SummaryRow baselineRow = null;
        for (Aggregate a : aggregates) {
            SummaryRow row = a.toRow(baseMrr, baseSeconds);
            rows.add(row);
            if (a == base) {
                baselineRow = row;
            }
        }
        rows.sort(Comparator.comparing((SummaryRow r) -> r.runs() == 0)
                .thenComparing(Comparator.comparingDouble((SummaryRow r) -> r.quality().mrr()).reversed()));
        return new ExperimentSummary(List.copyOf(rows), baselineRow);
    }

    /** Groups, best mean MRR first. */
    public List<SummaryRow> rows() {
        return rows;
    }

    /** The {@code plain} group, or {@code null} when no baseline row exists. */
    public SummaryRow baseline() {
        return baseline;
    }

    /** Mean and sample standard deviation of the finite values. */
    record Stat(double mean, double std, int n) {

        static Stat of(double[] values) {
            int n = 0;
            double sum = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    sum += v;
                    n++;
                }
            }
            if (n == 0) {
                return new Stat(Double.NaN, Double.NaN, 0);
            }
            double mean = sum / n;
            double squares = 0;
            for (double v : values) {
                if (Double.isFinite(v)) {
                    squares += (v - mean) * (v - mean);
                }
            }
            return new Stat(mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0, n);
        }
    }

    private static final class Aggregate {
        GridPoint point;
        int runs;
        int failed;
        Stat mrr;
        Stat p10;
        Stat r10;
        Stat ndcg;
        Stat seconds;
        Stat parameters;
        Stat bytes;
        Stat achieved;
        ResultRow.LayerSizes layers;
        String firstError;

        static Aggregate of(List<ResultRow> group) {
            Aggregate a = new Aggregate();
            a.point = group.get(0).point();
            List<ResultRow> ok = new ArrayList<>();
            for (ResultRow r : group) {
                if (r.ok()) {
                    ok.add(r);
                } else {
                    a.failed++;
                    if (a.firstError == null) {
                        a.firstError = Objects.requireNonNullElse(r.error(), "failed");
                    }
                }
            }
            a.runs = ok.size();
            a.mrr = Stat.of(ok.stream().mapToDouble(r -> r.metrics().mrr()).toArray());
            a.p10 = Stat.of(ok.stream().mapToDouble(r -> r.metrics().precisionAt10()).toArray());
            a.r10 = Stat.of(ok.stream().mapToDouble(r -> r.metrics().recallAt10()).toArray());
            a.ndcg = Stat.of(ok.stream().mapToDouble(r -> r.metrics().ndcgAt10()).toArray());
            a.seconds = Stat.of(ok.stream().mapToDouble(ResultRow::secondsPerEpoch).toArray());
            a.parameters = Stat.of(ok.stream().mapToDouble(r -> (double) r.sizes().parameters()).toArray());
            a.bytes = Stat.of(ok.stream().mapToDouble(r -> (double) r.sizes().bytes()).toArray());
            a.achieved = Stat.of(ok.stream().mapToDouble(r -> r.sizes().achievedRatio()).toArray());
            a.layers = ok.isEmpty() ? null : ok.get(0).sizes().layers();
            return a;
        }

        SummaryRow toRow(double baseMrr, double baseSeconds) {
            double relative = baseMrr > 0 ? mrr.mean / baseMrr : Double.NaN;
            double speedup = seconds.mean > 0 ? baseSeconds / seconds.mean : Double.NaN;
            return new SummaryRow(
                    new SummaryRow.Group(point.compressor(), point.hash(), point.ratio(), point.hashes(), point.sides()),
                    runs, failed,
                    new SummaryRow.Quality(mrr.mean, mrr.std, p10.mean, r10.mean, ndcg.mean, relative),
                    new SummaryRow.Speed(seconds.mean, seconds.std, speedup),
                    new SummaryRow.Size(parameters.mean, bytes.mean, achieved.mean, layers), firstError);
        }
    }
}
