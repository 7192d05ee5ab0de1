package io.bloomfit.data;

/**
 * The hidden truth behind a synthetic dataset: item popularity and low-rank user/item factors. The generator drew
 * user {@code u}'s items (without replacement) with probability proportional to
 * {@code popularity[i] * sigmoid(strength * <userFactor[u], itemFactor[i]> - offset)}, so {@link #affinity} is the best
 * possible ranking score. Tests use it as an oracle, to show the data has structure a model can learn.
 *
 * <p>Arrays are row-major ({@code factor[u * rank + f]}) and shared: read only.
 */
public final class LatentPreferences {

    private final int rank;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemPopularity;
    private final float strength;
    private final float offset;

    LatentPreferences(int rank, float[] userFactors, float[] itemFactors, float[] itemPopularity, float strength,
                      float offset) {
        this.offset = offset;
        this.rank = rank;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemPopularity = itemPopularity;
        this.strength = strength;
    }

    public int rank() {
        return rank;
    }

    public float[] userFactors() {
        return userFactors;
    }

    public float[] itemFactors() {
        return itemFactors;
    }

    /** Normalised popularity weight of each item (sums to 1). */
    public float[] itemPopularity() {
        return itemPopularity;
    }

    /** The sigmoid's shift: how selective users are. */
    public float offset() {
        return offset;
    }

    /** How strongly the factors steer choices (the sigmoid's slope). */
    public float strength() {
        return strength;
    }

    /** {@code <userFactor[u], itemFactor[i]>}. */
    public float preference(int user, int item) {
        float s = 0;
        int ub = user * rank;
        int ib = item * rank;
        for (int f = 0; f < rank; f++) {
            s += userFactors[ub + f] * itemFactors[ib + f];
        }
        return s;
    }

    /** Log of the (unnormalised) probability that {@code user} picks {@code item}: the oracle ranking score. */
    public float affinity(int user, int item) {
        double z = strength * preference(user, item) - offset;
        // log sigmoid(z) = -log(1 + exp(-z)), computed stably
        double logSigmoid = z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
        return (float) (Math.log(itemPopularity[item]) + logSigmoid);
    }
}
