package io.bloomfit.bench.eval;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A plain matrix-factorisation scorer, {@code score(u, i) = <userFactor[u], itemFactor[i]>}, used to measure the
 * evaluator: it does exactly the work a trained factor model's {@code scoreAll} must do, with no training behind it.
 *
 * <p>Why the layout: item factors are stored transposed ({@code dim x items}) and scored in item blocks, so each
 * user's row is accumulated as {@code row += u[f] * itemsT[f]} over blocks that stay in cache; the JIT turns that
 * loop into SIMD multiply-adds (a per-item dot product would be a scalar reduction).
 */
public final class DotProductModel implements TrainedModel {

    private static final int BLOCK = 2048;

    private final int numUsers;
    private final int numItems;
    private final int dim;
    private final float[] userFactors;
    /** {@code itemFactorsT[f][i]}: one array per factor (C2 vectorises the row update over separate arrays). */
    private final float[][] itemFactorsT;

    /**
     * @param userFactors row-major {@code users x dim}
     * @param itemFactors row-major {@code items x dim}
     */
    public DotProductModel(int numUsers, int numItems, int dim, float[] userFactors, float[] itemFactors) {
        if (userFactors.length != (long) numUsers * dim || itemFactors.length != (long) numItems * dim) {
            throw new IllegalArgumentException("factor arrays do not match " + numUsers + " users, " + numItems
                    + " items, dim " + dim);
        }
        this.numUsers = numUsers;
        this.numItems = numItems;
        this.dim = dim;
        this.userFactors = userFactors;
        this.itemFactorsT = new float[dim][numItems];
        for (int i = 0; i < numItems; i++) {
            for (int f = 0; f < dim; f++) {
                itemFactorsT[f][i] = itemFactors[i * dim + f];
            }
        }
    }

    /** Seeded standard-normal factors scaled by {@code 1/sqrt(dim)}. */
    public static DotProductModel random(int numUsers, int numItems, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float scale = (float) (1 / Math.sqrt(dim));
        float[] u = new float[numUsers * dim];
        float[] v = new float[numItems * dim];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) rng.nextGaussian() * scale;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) rng.nextGaussian() * scale;
        }
        return new DotProductModel(numUsers, numItems, dim, u, v);
    }

    @Override
    public int numUsers() {
        return numUsers;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public float[][] scoreAll(int[] users) {
        float[][] rows = new float[users.length][numItems];
        for (int start = 0; start < numItems; start += BLOCK) {
            int end = Math.min(numItems, start + BLOCK);
            for (int b = 0; b < users.length; b++) {
                float[] row = rows[b];
                int ub = users[b] * dim;
                int f = 0;
                // four factors per pass: one load and store of the row per four multiply-adds
                for (; f + 3 < dim; f += 4) {
                    float w0 = userFactors[ub + f];
                    float w1 = userFactors[ub + f + 1];
                    float w2 = userFactors[ub + f + 2];
                    float w3 = userFactors[ub + f + 3];
                    float[] v0 = itemFactorsT[f];
                    float[] v1 = itemFactorsT[f + 1];
                    float[] v2 = itemFactorsT[f + 2];
                    float[] v3 = itemFactorsT[f + 3];
                    for (int i = start; i < end; i++) {
                        row[i] += w0 * v0[i] + w1 * v1[i] + w2 * v2[i] + w3 * v3[i];
                    }
                }
                for (; f < dim; f++) {
                    float w = userFactors[ub + f];
                    float[] v = itemFactorsT[f];
                    for (int i = start; i < end; i++) {
                        row[i] += w * v[i];
                    }
                }
            }
        }
        return rows;
    }

    /** Writes {@code factors.bin} (big-endian floats: users then items, row-major) and {@code model.json}. */
    @Override
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(directory.resolve("factors.bin"))))) {
            for (float x : userFactors) {
                out.writeFloat(x);
            }
            for (int i = 0; i < numItems; i++) {
                for (int f = 0; f < dim; f++) {
                    out.writeFloat(itemFactorsT[f][i]);
                }
            }
        }
        Files.writeString(directory.resolve("model.json"), "{\"kind\":\"dot-product\",\"users\":" + numUsers
                + ",\"items\":" + numItems + ",\"dim\":" + dim + "}\n", StandardCharsets.UTF_8);
    }

    @Override
    public FitReport report() {
        return new FitReport(new double[0], new double[0], "cpu()", 1, (long) (numUsers + numItems) * dim);
    }

    @Override
    public void close() {
    }
}
