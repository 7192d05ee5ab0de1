package io.bloomfit.report;

import io.bloomfit.report.stats.MeanInterval;
import io.bloomfit.report.stats.PairedComparison;

/**
 * The statistics of one summary group over its repeats, beside the means of {@link SummaryRow}.
 *
 * @param mrr                  MRR's mean, sample sd and 95% interval over the group's ok runs
 * @param versusPlain          the group against {@code plain} over the same repeats, or {@code null} for the
 *                             {@code plain} group itself or when there is no plain row
 * @param relativeToPopularity mean MRR over the {@code popularity} reference's mean MRR, NaN without one
 */
public record GroupStatistics(MeanInterval mrr, PairedComparison versusPlain, double relativeToPopularity) {
}
