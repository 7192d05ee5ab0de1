package io.bloomfit.api.embed;

import io.bloomfit.api.hash.HashFunction;

import java.util.Arrays;
import java.util.Objects;

/**
 * An embedding computed by a network instead of looked up in a table (Deep Hash Embedding, Kang et al., KDD 2021):
 * entity e is described by {@link #numFeatures()} hash values {@code hash(e, seed_j)}, each reduced to a bucket
 * {@code b_j = hash mod buckets} and mapped to the bounded real {@code x_j = 2 * b_j / (buckets - 1) - 1} in
 * [-1, 1] (the paper's uniform encoding); a fully connected network of {@link #layerWidths()} maps x to the
 * embedding: every layer but the last is {@code relu(x W + b)}, the last is {@code x W + b}.
 *
 * <p>The trainer owns the network's parameters; this class only says what they are and computes the features.
 * Parameters are packed layer by layer, each layer's weight ({@code in x out}, row-major) followed by its bias, in
 * one flat array of {@link #parameterCount()} floats ({@link #weightOffset(int)}, {@link #biasOffset(int)}).
 */
public final class EntityEncoder {

    private final HashFunction hash;
    private final long[] seeds;
    private final long buckets;
    private final int[] layerWidths;

    /**
     * @param hash        the hash function of the features
     * @param seeds       one seed per feature
     * @param buckets     values each hash is reduced to (at least 2)
     * @param layerWidths output widths of each layer; the last is the embedding's dimension
     */
    public EntityEncoder(HashFunction hash, long[] seeds, long buckets, int[] layerWidths) {
        this.hash = Objects.requireNonNull(hash, "hash");
        if (seeds.length < 1) {
            throw new IllegalArgumentException("an encoder needs at least one hash feature");
        }
        if (buckets < 2) {
            throw new IllegalArgumentException("buckets must be >= 2, was " + buckets);
        }
        if (layerWidths.length < 1) {
            throw new IllegalArgumentException("an encoder needs at least one layer");
        }
        for (int w : layerWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("layer widths must be >= 1, were " + Arrays.toString(layerWidths));
            }
        }
        this.seeds = seeds.clone();
        this.buckets = buckets;
        this.layerWidths = layerWidths.clone();
        if (parameterCount() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an encoder of " + seeds.length + " features and layers "
                    + Arrays.toString(layerWidths) + " has over 2^31 parameters");
        }
    }

    public String hashFunction() {
        return hash.name();
    }

    /** Hash features per entity: the network's input width. */
    public int numFeatures() {
        return seeds.length;
    }

    /** Values each feature hash is reduced to. */
    public long buckets() {
        return buckets;
    }

    /** The number of layers. */
    public int numLayers() {
        return layerWidths.length;
    }

    /** Output widths of the layers (a copy); the last is the embedding's dimension. */
    public int[] layerWidths() {
        return layerWidths.clone();
    }

    /** Input width of layer {@code layer}. */
    public int inputWidth(int layer) {
        return layer == 0 ? seeds.length : layerWidths[layer - 1];
    }

    /** Output width of layer {@code layer}. */
    public int outputWidth(int layer) {
        return layerWidths[layer];
    }

    /** The embedding's dimension: the last layer's width. */
    public int outputWidth() {
        return layerWidths[layerWidths.length - 1];
    }

    /** Where layer {@code layer}'s weight starts in the packed parameters. */
    public int weightOffset(int layer) {
        long at = 0;
        for (int l = 0; l < layer; l++) {
            at += (long) (inputWidth(l) + 1) * outputWidth(l);
        }
        return (int) at;
    }

    /** Where layer {@code layer}'s bias starts in the packed parameters. */
    public int biasOffset(int layer) {
        return weightOffset(layer) + inputWidth(layer) * outputWidth(layer);
    }

    /** Trainable floats of the network: weights and biases of every layer. */
    public long parameterCount() {
        long total = 0;
        for (int l = 0; l < layerWidths.length; l++) {
            total += (long) (inputWidth(l) + 1) * outputWidth(l);
        }
        return total;
    }

    /** The bucket of feature {@code feature} of {@code entity}: {@code hash(entity, seed_feature) mod buckets}. */
    public long bucket(int entity, int feature) {
        return Long.remainderUnsigned(hash.hash(entity, seeds[feature]), buckets);
    }

    /** Fills {@code dst[i * numFeatures + j]} with feature j of {@code entities[i]}, in [-1, 1]. */
    public void features(int[] entities, float[] dst) {
        int f = seeds.length;
        if (dst.length < (long) entities.length * f) {
            throw new IllegalArgumentException("dst holds " + dst.length + " floats; needs " + (long) entities.length * f);
        }
        double scale = 2.0 / (buckets - 1);
        for (int i = 0; i < entities.length; i++) {
            for (int j = 0; j < f; j++) {
                dst[i * f + j] = (float) (bucket(entities[i], j) * scale - 1.0);
            }
        }
    }

    @Override
    public String toString() {
        return "EntityEncoder[" + hash.name() + ", features=" + seeds.length + ", buckets=" + buckets + ", layers="
                + Arrays.toString(layerWidths) + "]";
    }
}
