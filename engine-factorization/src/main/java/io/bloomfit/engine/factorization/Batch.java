package io.bloomfit.engine.factorization;

/**
 * One minibatch: {@code users[e]} interacted with {@code items[e]}. An implicit model's batch carries
 * {@code negativesPerPositive} sampled items per positive in {@code negatives} (those of example e at
 * {@code [e * negativesPerPositive, (e + 1) * negativesPerPositive)}) and no ratings; an explicit model's batch
 * carries the ratings and no negatives.
 *
 * @param users                users of the examples
 * @param items                the positive (implicit) or rated (explicit) item of each example
 * @param negatives            sampled negatives, or {@code null} for an explicit model
 * @param negativesPerPositive negatives per example (0 for an explicit model)
 * @param ratings              ratings of the examples, or {@code null} for an implicit model
 */
public record Batch(int[] users, int[] items, int[] negatives, int negativesPerPositive, float[] ratings) {

    /** Whether this is an implicit model's batch (with sampled negatives). */
    public boolean implicit() {
        return negatives != null;
    }

    /** Examples in the batch. */
    public int size() {
        return users.length;
    }
}
