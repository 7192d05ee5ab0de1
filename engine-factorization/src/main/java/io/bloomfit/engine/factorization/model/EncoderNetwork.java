package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EntityEncoder;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * An {@link EntityEncoder}'s network on Java arrays: its starting parameters and its forward pass, which the model
 * uses to compute every entity's embedding once a fit is done. The engines' autograd graphs compute the same
 * function ({@code relu(x W + b)} per hidden layer, {@code x W + b} last) on the same packed parameters.
 */
public final class EncoderNetwork {

    private static final int CHUNK = 256;

    private EncoderNetwork() {
    }

    /**
     * PyTorch's default {@code nn.Linear} initialisation, drawn from a stream of {@code seed}: every weight and
     * bias of layer l uniform in {@code [-1/sqrt(in_l), 1/sqrt(in_l)]}. Writes the packed parameters into
     * {@code table} (padding floats after them stay zero).
     */
    public static void initialize(EntityEncoder encoder, long seed, float[] table) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int l = 0; l < encoder.numLayers(); l++) {
            double bound = 1.0 / Math.sqrt(encoder.inputWidth(l));
            int from = encoder.weightOffset(l);
            int to = encoder.biasOffset(l) + encoder.outputWidth(l);
            for (int i = from; i < to; i++) {
                table[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
        }
    }

    /** Embeddings of entities {@code 0..entities-1} ({@code entities * dimension}, entity-major). */
    public static float[] forwardAll(EntityEncoder encoder, float[] parameters, int entities) {
        int d = encoder.outputWidth();
        float[] out = new float[Math.multiplyExact(entities, d)];
        int chunks = (entities + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * CHUNK;
            int to = Math.min(entities, from + CHUNK);
            int[] ids = IntStream.range(from, to).toArray();
            float[] embeddings = forward(encoder, parameters, ids);
            System.arraycopy(embeddings, 0, out, from * d, embeddings.length);
        });
        return out;
    }

    /** Embeddings of {@code entities} ({@code entities.length * dimension}). */
    public static float[] forward(EntityEncoder encoder, float[] parameters, int[] entities) {
        int n = entities.length;
        float[] x = new float[n * encoder.numFeatures()];
        encoder.features(entities, x);
        for (int l = 0; l < encoder.numLayers(); l++) {
            int in = encoder.inputWidth(l);
            int out = encoder.outputWidth(l);
            int w = encoder.weightOffset(l);
            int b = encoder.biasOffset(l);
            boolean hidden = l < encoder.numLayers() - 1;
            float[] y = new float[n * out];
            for (int e = 0; e < n; e++) {
                int yAt = e * out;
                System.arraycopy(parameters, b, y, yAt, out);
                for (int i = 0; i < in; i++) {
                    float xi = x[e * in + i];
                    int row = w + i * out;
                    for (int o = 0; o < out; o++) {
                        y[yAt + o] += xi * parameters[row + o];
                    }
                }
                if (hidden) {
                    for (int o = 0; o < out; o++) {
                        y[yAt + o] = Math.max(0f, y[yAt + o]);
                    }
                }
            }
            x = y;
        }
        return x;
    }
}
