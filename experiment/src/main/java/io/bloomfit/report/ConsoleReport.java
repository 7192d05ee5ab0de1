package io.bloomfit.report;

import io.bloomfit.experiment.grid.ResultRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary as an aligned text table, best MRR first, with MRR relative to {@code plain} and the speedup in
 * seconds per epoch relative to {@code plain}; failures are listed below the table with their messages, then each
 * method's paired comparison with {@code plain} in words ({@link PlainComparisonText}). Columns: {@code sd} is the
 * sample standard deviation of MRR over repeats ({@code -} for a single run), {@code 95% CI} the t interval of mean
 * MRR, {@code rel.pop} MRR relative to the {@code popularity} reference, {@code s/epoch} the mean seconds per epoch,
 * {@code parameters} the mean of the rows' {@code parameters} field ({@link io.bloomfit.experiment.grid.ResultRow.Sizes}:
 * trainable floats, tables and biases), abbreviated ({@code 6.3k}).
 * Runs of {@code bloom-network} add, below the table, the parameters and float32 bytes of each group's input and
 * output layers (the layers m shrinks).
 */
public final class ConsoleReport {

    private static final String[] HEADER = {"compressor", "hash", "ratio", "k", "sides", "runs", "MRR", "sd",
            "95% CI", "rel.MRR", "rel.pop", "P@10", "R@10", "NDCG@10", "s/epoch", "speedup", "parameters", "failed"};
    private static final boolean[] RIGHT = {false, false, true, true, false, true, true, true, true, true, true, true,
            true, true, true, true, true, true};

    private ConsoleReport() {
    }

    /** The table (with a trailing newline). */
    public static String render(ExperimentSummary summary) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (SummaryRow r : summary.rows()) {
            SummaryRow.Group g = r.group();
            SummaryRow.Quality q = r.quality();
            GroupStatistics stats = summary.statistics(r);
            lines.add(new String[] {
                g.compressorWithOptions(),
                g.hash() == null ? "-" : g.hash(),
                r.reference() ? "-" : r.baseline() ? "1"
                        : java.math.BigDecimal.valueOf(g.ratio()).stripTrailingZeros().toPlainString(),
                r.reference() ? "-" : Integer.toString(g.hashes()),
                g.sides().specName(),
                Integer.toString(r.runs()),
                fmt("%.4f", q.mrr()),
                fmt("%.4f", q.mrrStd()),
                interval(stats.mrr()),
                fmt("%.3f", q.relativeMrr()),
                fmt("%.3f", stats.relativeToPopularity()),
                fmt("%.4f", q.precisionAt10()),
                fmt("%.4f", q.recallAt10()),
                fmt("%.4f", q.ndcgAt10()),
                fmt("%.3f", r.speed().secondsPerEpoch()),
                r.speed().comparable() ? fmt("%.2fx", r.speed().speedup()) : "n/c",
                !r.reference() && Double.isFinite(r.size().parameters()) ? humanCount(r.size().parameters()) : "-",
                Integer.toString(r.failed())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < line.length; c++) {
                if (c > 0) {
                    text.append("  ");
                }
                String cell = line[c];
                String pad = " ".repeat(widths[c] - cell.length());
                text.append(RIGHT[c] ? pad + cell : cell + pad);
            }
            out.append(text.toString().stripTrailing()).append('\n');
            if (i == 0) {
                int total = text.length();
                out.append("-".repeat(total)).append('\n');
            }
        }
        for (SummaryRow r : summary.rows()) {
            ResultRow.LayerSizes layers = r.size().layers();
            if (layers != null) {
                out.append("network layers: ").append(r.label()).append(": input ")
                        .append(humanCount(layers.inputParameters())).append(" params, ")
                        .append(humanCount(layers.inputBytes())).append("B; output ")
                        .append(humanCount(layers.outputParameters())).append(" params, ")
                        .append(humanCount(layers.outputBytes())).append("B\n");
            }
        }
        for (SummaryRow r : summary.rows()) {
            if (r.failed() > 0) {
                out.append("failed: ").append(r.label()).append(" (").append(r.failed()).append("x): ")
                        .append(r.firstError()).append('\n');
            }
        }
        if (summary.hasIncomparableSpeedups()) {
            out.append("note: speedup n/c (not comparable): the group and the plain baseline were timed in different "
                    + "processes (a resumed run); rerun them in one run to compare their speed\n");
        }
        if (summary.baseline() == null || summary.baseline().runs() == 0) {
            out.append("note: no successful plain baseline, so rel.MRR and speedup are not available\n");
        }
        out.append("rel.MRR and rel.pop: MRR relative to plain and MRR relative to popularity; 95% CI: of the mean "
                + "MRR over repeats (t interval)\n");
        out.append(PlainComparisonText.render(summary));
        return out.toString();
    }

    /** {@code 0.0712-0.0755}, or {@code -} below two runs. */
    static String interval(io.bloomfit.report.stats.MeanInterval m) {
        return m.hasInterval() ? fmt("%.4f", m.low()) + "-" + fmt("%.4f", m.high()) : "-";
    }

    static String fmt(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : "-";
    }

    /** 12345678 -> 12.3M. */
    static String humanCount(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.1fG", value / 1e9);
        }
        if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.1fM", value / 1e6);
        }
        if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
