package io.bloomfit.api.embed;

import java.util.Arrays;

/**
 * Per-entity lookup weights that a trainer learns with the model (hash embeddings' importance weights), instead of
 * the fixed weights (hashing-trick signs) of an ordinary layout. They live in a small table of {@link #rows()} rows
 * of k floats; entity e reads row {@link #row(int)} ({@code e} itself, or a hashed row when the table is shared),
 * and lookup j of e is weighted by element j of that row. {@link #initial()} holds the values training starts from.
 */
public final class TrainableWeights {

    private final int rows;
    private final int width;
    private final int[] rowOfEntity; // null: entity e reads row e
    private final float[] initial;
    private final double learningRateScale;

    private TrainableWeights(int rows, int width, int[] rowOfEntity, float[] initial, double learningRateScale) {
        if (rows < 1 || width < 1) {
            throw new IllegalArgumentException("trainable weights need at least one row of one weight, got " + rows
                    + " x " + width);
        }
        if ((long) rows * width != initial.length) {
            throw new IllegalArgumentException("initial weights have " + initial.length + " floats; expected rows * k"
                    + " = " + (long) rows * width);
        }
        if (rowOfEntity != null) {
            for (int e = 0; e < rowOfEntity.length; e++) {
                if (rowOfEntity[e] < 0 || rowOfEntity[e] >= rows) {
                    throw new IllegalArgumentException("entity " + e + " reads weight row " + rowOfEntity[e]
                            + " of " + rows);
                }
            }
        }
        if (!(learningRateScale > 0) || Double.isInfinite(learningRateScale)) {
            throw new IllegalArgumentException("learningRateScale must be a finite number > 0, was "
                    + learningRateScale);
        }
        this.rows = rows;
        this.width = width;
        this.learningRateScale = learningRateScale;
        this.rowOfEntity = rowOfEntity;
        this.initial = initial;
    }

    /** One row of k weights per entity, starting from {@code initial} ({@code entities * k}, entity-major). */
    public static TrainableWeights perEntity(int entities, int k, float[] initial) {
        return new TrainableWeights(entities, k, null, initial, 1.0);
    }

    /**
     * A shared table of {@code rows} rows of k weights, entity e reading row {@code rowOfEntity[e]} (takes
     * ownership of the arrays).
     */
    public static TrainableWeights shared(int rows, int k, int[] rowOfEntity, float[] initial) {
        return new TrainableWeights(rows, k, rowOfEntity, initial, 1.0);
    }

    /**
     * These weights learned at {@code scale} times the fit's learning rate (finite, &gt; 0).
     *
     * @throws IllegalArgumentException when {@code scale} is not a finite number &gt; 0
     */
    public TrainableWeights withLearningRateScale(double scale) {
        return new TrainableWeights(rows, width, rowOfEntity, initial, scale);
    }

    /** The factor on the fit's learning rate with which a trainer updates these weights (1 unless set). */
    public double learningRateScale() {
        return learningRateScale;
    }

    /** Rows of the weight table. */
    public int rows() {
        return rows;
    }

    /** Weights per row: the layout's k. */
    public int width() {
        return width;
    }

    /** Whether entities share weight rows (a hashed weight table). */
    public boolean isShared() {
        return rowOfEntity != null;
    }

    /** The weight row entity {@code entity} reads. */
    public int row(int entity) {
        return rowOfEntity == null ? entity : rowOfEntity[entity];
    }

    /** Fills {@code dst[i]} with the weight row of {@code entities[i]}. */
    public void rows(int[] entities, int[] dst) {
        for (int i = 0; i < entities.length; i++) {
            dst[i] = row(entities[i]);
        }
    }

    /** The starting value of weight {@code lookup} of row {@code row}. */
    public float initial(int row, int lookup) {
        return initial[row * width + lookup];
    }

    /** The starting values, row-major (a copy). */
    public float[] initial() {
        return initial.clone();
    }

    /** Trainable floats: rows times k. */
    public long parameterCount() {
        return (long) rows * width;
    }

    /** Bytes of the entity-to-row map kept beside the table (0 when each entity has its own row). */
    long indexBytes() {
        return rowOfEntity == null ? 0 : (long) rowOfEntity.length * Integer.BYTES;
    }

    int entities() {
        return rowOfEntity == null ? rows : rowOfEntity.length;
    }

    @Override
    public String toString() {
        return "TrainableWeights[rows=" + rows + ", k=" + width + (rowOfEntity == null ? "" : ", shared")
                + (learningRateScale == 1.0 ? "" : ", learningRateScale=" + learningRateScale) + ", first="
                + Arrays.toString(Arrays.copyOf(initial, Math.min(initial.length, width))) + "]";
    }
}
