package io.bloomfit.report;

import java.util.Locale;

/** The summary as {@code summary.csv} (RFC 4180; empty cells for values that do not exist). */
public final class SummaryCsv {

    /** The header line; column names are part of the output contract. */
    public static final String HEADER = "compressor,hash,ratio,hashes,sides,runs,failed,mrr,mrr_std,precision_at_10,"
            + "recall_at_10,ndcg_at_10,seconds_per_epoch,seconds_per_epoch_std,parameters,bytes,achieved_ratio,"
            + "relative_mrr,speedup,error";

    private SummaryCsv() {
    }

    public static String render(ExperimentSummary summary) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (SummaryRow r : summary.rows()) {
            out.append(cell(r.compressor())).append(',')
                    .append(cell(r.hash())).append(',')
                    .append(num(r.ratio())).append(',')
                    .append(r.hashes()).append(',')
                    .append(r.sides().specName()).append(',')
                    .append(r.runs()).append(',')
                    .append(r.failed()).append(',')
                    .append(num(r.mrr())).append(',')
                    .append(num(r.mrrStd())).append(',')
                    .append(num(r.precisionAt10())).append(',')
                    .append(num(r.recallAt10())).append(',')
                    .append(num(r.ndcgAt10())).append(',')
                    .append(num(r.secondsPerEpoch())).append(',')
                    .append(num(r.secondsPerEpochStd())).append(',')
                    .append(num(r.parameters())).append(',')
                    .append(num(r.bytes())).append(',')
                    .append(num(r.achievedRatio())).append(',')
                    .append(num(r.relativeMrr())).append(',')
                    .append(num(r.speedup())).append(',')
                    .append(cell(r.firstError())).append('\n');
        }
        return out.toString();
    }

    private static String num(double value) {
        if (!Double.isFinite(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.6g", value);
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
