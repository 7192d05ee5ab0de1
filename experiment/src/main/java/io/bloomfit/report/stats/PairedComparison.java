package io.bloomfit.report.stats;

import java.util.Map;
import java.util.TreeMap;

/**
 * A method against a reference over the same repeats (same split, same seeds): the per-repeat differences
 * {@code method - reference}, their mean with its 95% interval ({@link MeanInterval}), and the two-sided p-value of the
 * paired t-test {@code t = mean / (sd / sqrt(n))} with {@code n - 1} degrees of freedom. Only repeats both sides
 * finished are paired.
 *
 * @param difference mean difference with its interval, over the paired repeats
 * @param pValue     two-sided paired t-test p-value, NaN below 2 pairs
 */
public record PairedComparison(MeanInterval difference, double pValue) {

    /** What the comparison says, in words a report can print. */
    public enum Verdict {
        /** Fewer than two paired repeats: no statement about noise is possible. */
        TOO_FEW_REPEATS,
        /** The 95% interval of the difference includes 0: the difference is within noise. */
        WITHIN_NOISE,
        /** The whole interval lies above 0. */
        HIGHER,
        /** The whole interval lies below 0. */
        LOWER
    }

    /**
     * Pairs {@code method} with {@code reference} by repeat index.
     *
     * @param method    value per repeat of the method (NaN or absent for a failed repeat)
     * @param reference value per repeat of the reference
     */
    public static PairedComparison of(Map<Integer, Double> method, Map<Integer, Double> reference) {
        double[] differences = new TreeMap<>(method).entrySet().stream()
                .filter(e -> Double.isFinite(e.getValue()) && reference.containsKey(e.getKey())
                        && Double.isFinite(reference.get(e.getKey())))
                .mapToDouble(e -> e.getValue() - reference.get(e.getKey()))
                .toArray();
        MeanInterval d = MeanInterval.of(differences);
        if (d.n() < 2) {
            return new PairedComparison(d, Double.NaN);
        }
        double p;
        if (d.sd() == 0) {
            p = d.mean() == 0 ? 1.0 : 0.0; // identical differences: no spread, the sign alone decides
        } else {
            p = StudentT.twoSidedP(d.mean() / (d.sd() / Math.sqrt(d.n())), d.n() - 1);
        }
        return new PairedComparison(d, p);
    }

    /** Paired repeats. */
    public int pairs() {
        return difference.n();
    }

    public Verdict verdict() {
        if (!difference.hasInterval()) {
            return Verdict.TOO_FEW_REPEATS;
        }
        if (difference.contains(0)) {
            return Verdict.WITHIN_NOISE;
        }
        return difference.low() > 0 ? Verdict.HIGHER : Verdict.LOWER;
    }
}
