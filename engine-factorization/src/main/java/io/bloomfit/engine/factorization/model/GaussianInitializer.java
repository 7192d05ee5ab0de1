package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spotlight's {@code ScaledEmbedding} initialisation: every float drawn from a normal distribution with mean 0
 * and standard deviation {@code 1 / dimension}. Rows are drawn in blocks of {@value #BLOCK_ROWS}, each from a
 * stream seeded by (seed, side, block), so the result is the same whatever the number of threads filling it.
 */
public final class GaussianInitializer implements ParameterInitializer {

    /** The shared instance (stateless). */
    public static final GaussianInitializer INSTANCE = new GaussianInitializer();

    private static final int BLOCK_ROWS = 4096;

    @Override
    public void initialize(EmbeddingSide side, EmbeddingLayout layout, int dimension, long seed, float[] table) {
        // rows of the table may be narrower than the dimension (concatenated blocks): fill what the table holds
        int width = layout.rowWidth(dimension);
        int rows = layout.totalRows();
        double std = 1.0 / dimension;
        int blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
        long sideSeed = Seeds.mix(seed, 0x5EED_0000L + side.ordinal());
        IntStream.range(0, blocks).parallel().forEach(b -> {
            SplittableRandom random = new SplittableRandom(Seeds.mix(sideSeed, b));
            int from = b * BLOCK_ROWS * width;
            int to = (int) Math.min((long) rows * width, (long) (b + 1) * BLOCK_ROWS * width);
            for (int i = from; i < to; i++) {
                table[i] = (float) (random.nextGaussian() * std);
            }
        });
    }
}
