package io.bloomfit.report;

import io.bloomfit.experiment.Sides;

/**
 * One (compressor, hash, ratio, k, sides) group of result rows, aggregated over its repeats. Spreads are sample
 * standard deviations (n - 1 in the denominator; 0 for a single run). Relative numbers compare with the
 * {@code plain} baseline's means: {@code relativeMrr = mrr / plainMrr}, {@code speedup = plainSecondsPerEpoch /
 * secondsPerEpoch} (above 1 means faster than plain).
 *
 * @param compressor            compressor name
 * @param hash                  hash function or {@code null}
 * @param ratio                 requested ratio
 * @param hashes                k
 * @param sides                 compressed sides
 * @param runs                  ok rows aggregated
 * @param failed                failed rows of this group
 * @param mrr                   mean MRR
 * @param mrrStd                its spread
 * @param precisionAt10         mean P@10
 * @param recallAt10            mean R@10
 * @param ndcgAt10              mean NDCG@10
 * @param secondsPerEpoch       mean seconds per epoch (each row's epochs averaged first)
 * @param secondsPerEpochStd    its spread
 * @param parameters            mean parameter count
 * @param bytes                 mean bytes
 * @param achievedRatio         mean achieved ratio
 * @param relativeMrr           mrr over the baseline's, NaN without a baseline
 * @param speedup               baseline seconds per epoch over this group's, NaN without a baseline
 * @param firstError            the first failure's message, or {@code null}
 */
public record SummaryRow(String compressor, String hash, double ratio, int hashes, Sides sides, int runs, int failed,
                         double mrr, double mrrStd, double precisionAt10, double recallAt10, double ndcgAt10,
                         double secondsPerEpoch, double secondsPerEpochStd, double parameters, double bytes,
                         double achievedRatio, double relativeMrr, double speedup, String firstError) {

    public boolean baseline() {
        return sides == Sides.NONE;
    }

    /** A short label, e.g. {@code bloom xxh64 0.4 k=2 both}. */
    public String label() {
        return baseline() ? "plain" : compressor + " " + (hash == null ? "-" : hash) + " " + ratio + " k=" + hashes
                + " " + sides.specName();
    }
}
