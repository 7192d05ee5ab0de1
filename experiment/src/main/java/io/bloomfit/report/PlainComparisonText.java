package io.bloomfit.report;

import io.bloomfit.report.stats.PairedComparison;

import java.util.Locale;

/**
 * Each method's paired comparison with {@code plain} in words, one line per group, e.g. {@code bloom xxh64 0.2 k=2
 * both vs plain: MRR -0.0123 (95% CI -0.0201 to -0.0045, paired t-test p = 0.012, 3 repeats): lower than plain
 * beyond noise}. A difference whose interval includes 0 is called within noise; with fewer than two paired repeats
 * the line says no such statement is possible.
 */
final class PlainComparisonText {

    private PlainComparisonText() {
    }

    /** The lines (each ending in a newline), empty when no group has a comparison. */
    static String render(ExperimentSummary summary) {
        StringBuilder out = new StringBuilder();
        for (SummaryRow r : summary.rows()) {
            PairedComparison c = summary.statistics(r).versusPlain();
            if (c == null || c.pairs() == 0) {
                continue;
            }
            out.append(line(r.label(), c)).append('\n');
        }
        return out.toString();
    }

    /** One group's line (no newline): its label, then {@link #sentence}. */
    static String line(String label, PairedComparison c) {
        return label + " vs plain: " + sentence(c);
    }

    /** The comparison in words, e.g. {@code MRR +0.0200 (95% CI ...): within noise (the interval includes 0)}. */
    static String sentence(PairedComparison c) {
        String head = "MRR " + signed(c.difference().mean());
        return switch (c.verdict()) {
            case TOO_FEW_REPEATS -> head + " (" + c.pairs() + " paired repeat): run repeats >= 2 to tell a "
                    + "difference from noise";
            case WITHIN_NOISE -> head + details(c) + ": within noise (the interval includes 0)";
            case HIGHER -> head + details(c) + ": higher than plain beyond noise";
            case LOWER -> head + details(c) + ": lower than plain beyond noise";
        };
    }

    private static String details(PairedComparison c) {
        return " (95% CI " + signed(c.difference().low()) + " to " + signed(c.difference().high())
                + ", paired t-test p = " + String.format(Locale.ROOT, "%.3g", c.pValue()) + ", " + c.pairs()
                + " repeats)";
    }

    private static String signed(double value) {
        return String.format(Locale.ROOT, "%+.4f", value);
    }
}
