package io.bloomfit.report;

import io.bloomfit.report.stats.PairedComparison;

import java.math.BigDecimal;

/**
 * The summary as {@code summary.csv} (RFC 4180; empty cells for values that do not exist, e.g. a spread over one
 * run). After {@code error}: {@code mrr_ci_low/high} (95% t interval of mean MRR), {@code relative_mrr_popularity}
 * (MRR relative to popularity), and the paired comparison with plain over the same repeats ({@code
 * mrr_diff_vs_plain}, its interval {@code mrr_diff_ci_low/high}, {@code p_value_vs_plain}), then {@code options}: the
 * compressor options the grid gave the group's points as {@code name=value;...} in name order (empty without).
 */
public final class SummaryCsv {

    /** The header line; column names are part of the output contract. */
    public static final String HEADER = "compressor,hash,ratio,hashes,sides,runs,failed,mrr,mrr_std,precision_at_10,"
            + "recall_at_10,ndcg_at_10,seconds_per_epoch,seconds_per_epoch_std,parameters,bytes,achieved_ratio,"
            + "relative_mrr,speedup,error,mrr_ci_low,mrr_ci_high,relative_mrr_popularity,mrr_diff_vs_plain,"
            + "mrr_diff_ci_low,mrr_diff_ci_high,p_value_vs_plain,options";

    private SummaryCsv() {
    }

    public static String render(ExperimentSummary summary) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SummaryRow r : summary.rows()) {
            SummaryRow.Group g = r.group();
            SummaryRow.Quality q = r.quality();
            out.append(cell(g.compressor())).append(',')
                    .append(cell(g.hash())).append(',')
                    .append(num(g.ratio())).append(',')
                    .append(g.hashes()).append(',')
                    .append(g.sides().specName()).append(',')
                    .append(r.runs()).append(',')
                    .append(r.failed()).append(',')
                    .append(num(q.mrr())).append(',')
                    .append(num(q.mrrStd())).append(',')
                    .append(num(q.precisionAt10())).append(',')
                    .append(num(q.recallAt10())).append(',')
                    .append(num(q.ndcgAt10())).append(',')
                    .append(num(r.speed().secondsPerEpoch())).append(',')
                    .append(num(r.speed().secondsPerEpochStd())).append(',')
                    .append(num(r.size().parameters())).append(',')
                    .append(num(r.size().bytes())).append(',')
                    .append(num(r.size().achievedRatio())).append(',')
                    .append(num(q.relativeMrr())).append(',')
                    .append(num(r.speed().speedup())).append(',')
                    .append(cell(r.firstError()));
            appendStatistics(out, summary.statistics(r));
            out.append(',').append(cell(g.optionsText().replace(',', ';')));
            out.append('\n');
        }
        return out.toString();
    }

    /** The columns after {@code error}: the MRR interval, MRR relative to popularity, the paired comparison. */
    private static void appendStatistics(StringBuilder out, GroupStatistics s) {
        PairedComparison c = s.versusPlain();
        double nan = Double.NaN;
        out.append(',').append(num(s.mrr().low()))
                .append(',').append(num(s.mrr().high()))
                .append(',').append(num(s.relativeToPopularity()))
                .append(',').append(num(c == null ? nan : c.difference().mean()))
                .append(',').append(num(c == null ? nan : c.difference().low()))
                .append(',').append(num(c == null ? nan : c.difference().high()))
                .append(',').append(num(c == null ? nan : c.pValue()));
    }

    /**
     * One format for every number: the shortest decimal that reads back as the same double, without exponent or
     * trailing zeros ({@code 1}, {@code 0.5}, {@code 0.0599...}), so a ratio of 1 and one of 0.5 look alike and no
     * digit of a metric is lost.
     */
    static String num(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
