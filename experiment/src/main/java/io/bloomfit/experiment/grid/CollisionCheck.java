package io.bloomfit.experiment.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a hashed layout's collision statistics are far worse than uniformly random hashing gives for its size,
 * which points at a broken hash function (a constant, a hash that ignores its key or seed) rather than at an
 * unlucky draw.
 *
 * <p>"Far worse" means: above the level that random hashing exceeds with probability below {@code 1e-9}. With
 * {@code n} entities, {@code m} rows and {@code k} lookups each, an entity lands in a given row with probability at
 * most {@code k/m}, so the entities of one row are (at most) Binomial with mean {@code mu = n k / m}; Bernstein's
 * inequality bounds {@code P(X >= mu + t) <= exp(-t^2 / (2 (mu + t/3)))}, and a union over the {@code m} rows gives
 * the bound {@code mu + t} on {@link LayoutStats#maxEntitiesPerRow()} with {@code L = ln(m / 1e-9)} and
 * {@code t = L/3 + sqrt(L^2/9 + 2 L mu)}. Likewise two entities share their whole k-row signature with
 * probability at most {@code q = (k/m)^k}, so about {@code lambda = n(n-1)/2 q} pairs collide; the entities
 * sharing a signature form at least half that many pairs, and the same bound with {@code L = ln(1/1e-9)} (treating
 * the pair count as Poisson) limits them. A layout above either bound is reported.
 */
public final class CollisionCheck {

    /** The probability with which random hashing may exceed a bound. */
    static final double FALSE_ALARM = 1e-9;

    private CollisionCheck() {
    }

    /** The warnings of a point's hashed side(s), each naming the side; empty when all look like random hashing. */
    public static List<String> warnings(ResultRow row) {
        List<String> warnings = new ArrayList<>();
        GridPoint p = row.point();
        String user = warning(p, p.sides().compressesUsers(), row.sizes().userLayout());
        if (user != null) {
            warnings.add(p.label() + ": user layout: " + user);
        }
        String item = warning(p, p.sides().compressesItems(), row.sizes().itemLayout());
        if (item != null) {
            warnings.add(p.label() + ": item layout: " + item);
        }
        return warnings;
    }

    /** The warning for one side, or {@code null}: only a compressed side built with a hash function is judged. */
    public static String warning(GridPoint point, boolean compressed, LayoutStats stats) {
        if (!compressed || point.hash() == null || stats == null) {
            return null;
        }
        String found = warning(stats, point.hashes());
        return found == null ? null : found + "; check the hash function '" + point.hash() + "'";
    }

    /**
     * What is far worse than random hashing in {@code stats} of a layout with {@code k} lookups per entity, or
     * {@code null}.
     */
    public static String warning(LayoutStats stats, int k) {
        long n = stats.entities();
        long m = stats.rows();
        if (n < 2 || m < 1 || k < 1) {
            return null;
        }
        List<String> found = new ArrayList<>();
        double mu = Math.min(n, (double) n * k / m);
        double rowBound = mu + deviation(mu, Math.log(m / FALSE_ALARM));
        if (stats.maxEntitiesPerRow() > rowBound) {
            found.add(String.format(Locale.ROOT, "%,d entities share one row, where random hashing puts at most "
                    + "%.0f in any row (mean %.1f)", stats.maxEntitiesPerRow(), rowBound, mu));
        }
        double q = Math.min(1.0, Math.pow((double) k / m, k));
        double lambda = n * (n - 1) / 2.0 * q;
        double pairBound = lambda + deviation(lambda, Math.log(1 / FALSE_ALARM));
        if (stats.entitiesSharingSignature() / 2.0 > pairBound) {
            double expected = n * -Math.expm1((n - 1) * Math.log1p(-Math.min(q, 1 - 1e-12)));
            found.add(String.format(Locale.ROOT, "%,d of %,d entities share their whole signature with another "
                    + "(random hashing: about %.0f)", stats.entitiesSharingSignature(), n, expected));
        }
        return found.isEmpty() ? null : "far worse than random hashing: " + String.join("; ", found);
    }

    /** Bernstein's deviation t with exp(-t^2 / (2 (mean + t/3))) = exp(-logs). */
    private static double deviation(double mean, double logs) {
        return logs / 3 + Math.sqrt(logs * logs / 9 + 2 * logs * mean);
    }
}
