package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelSpec;

/**
 * The tables of a factorization model (row-major float arrays, one per {@link TableId}) and how they are read.
 * Whoever holds a {@code ModelParameters} must not change its arrays once a model was built from it.
 *
 * @param plans  how each table is read
 * @param shapes rows and width of each table
 * @param tables one array per {@link TableId}, by ordinal
 */
public record ModelParameters(Plans plans, TableShapes shapes, float[][] tables) {

    /** How each table is read; a weight table is read through its vector table's plan. */
    public record Plans(LookupPlan userVectors, LookupPlan itemVectors, LookupPlan userBiases,
                        LookupPlan itemBiases) {

        public LookupPlan of(TableId table) {
            return switch (table) {
                case USER_VECTORS -> userVectors;
                case ITEM_VECTORS -> itemVectors;
                case USER_BIASES -> userBiases;
                case ITEM_BIASES -> itemBiases;
                case USER_WEIGHTS -> userVectors;
                case ITEM_WEIGHTS -> itemVectors;
            };
        }

        /**
         * The learning rate of {@code table} in a fit at {@code learningRate}: that rate, times the layout's
         * {@link LookupPlan#weightLearningRateScale()} for a weight table. Every trainer sets its optimizers from
         * this, so a layout's weights learn at the same rate on every path.
         */
        public float learningRate(TableId table, float learningRate) {
            return table.isWeights() ? (float) (learningRate * of(table).weightLearningRateScale()) : learningRate;
        }
    }

    /** Vectors follow the layouts; biases follow them only when {@code compressBiases}, else are full-size. */
    public static Plans plans(EmbeddingLayout users, EmbeddingLayout items, boolean compressBiases) {
        LookupPlan u = LookupPlan.of(users);
        LookupPlan i = LookupPlan.of(items);
        return new Plans(u, i,
                compressBiases ? u : LookupPlan.identity(users.numEntities()),
                compressBiases ? i : LookupPlan.identity(items.numEntities()));
    }

    public static TableShapes shapes(Plans plans, int dimension) {
        TableId[] ids = TableId.values();
        int[] rows = new int[ids.length];
        int[] widths = new int[ids.length];
        for (TableId t : ids) {
            LookupPlan plan = plans.of(t);
            if (t.isWeights()) {
                rows[t.ordinal()] = plan.weightRows();
                widths[t.ordinal()] = plan.lookups();
            } else {
                rows[t.ordinal()] = plan.rows();
                widths[t.ordinal()] = plan.rowWidth(t.isBias() ? 1 : dimension);
            }
        }
        return new TableShapes(rows, widths);
    }

    /**
     * The parameters a fit of {@code request} starts from: embedding tables filled by {@code initializer} (with
     * the fit's seed), biases zero, trainable lookup weights at the layout's starting values, encoder networks
     * by {@link EncoderNetwork#initialize}. Every trainer starts here, so the same spec starts from the same values
     * whatever trainer fits it.
     */
    public static ModelParameters initial(FitRequest request, ParameterInitializer initializer) {
        ModelSpec spec = request.model();
        Plans plans = plans(request.userLayout(), request.itemLayout(), spec.architecture().compressBiases());
        TableShapes shapes = shapes(plans, spec.architecture().dimension());
        float[][] tables = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            tables[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
        }
        initializeVectors(EmbeddingSide.USERS, request.userLayout(), plans.userVectors(), spec, initializer,
                tables[TableId.USER_VECTORS.ordinal()]);
        initializeVectors(EmbeddingSide.ITEMS, request.itemLayout(), plans.itemVectors(), spec, initializer,
                tables[TableId.ITEM_VECTORS.ordinal()]);
        for (TableId t : new TableId[] {TableId.USER_WEIGHTS, TableId.ITEM_WEIGHTS}) {
            float[] start = plans.of(t).initialWeights();
            System.arraycopy(start, 0, tables[t.ordinal()], 0, start.length);
        }
        return new ModelParameters(plans, shapes, tables);
    }

    /** Fills {@code table}: rows by {@code initializer}, an encoder network by {@link EncoderNetwork#initialize}. */
    private static void initializeVectors(EmbeddingSide side, EmbeddingLayout layout, LookupPlan plan,
                                          ModelSpec spec, ParameterInitializer initializer, float[] table) {
        ParameterInitializer fill = switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS, TRAINABLE_WEIGHTS, BLOCKS -> initializer;
            case ENCODER -> (s, l, dimension, seed, t) ->
                    EncoderNetwork.initialize(plan.encoder(), Seeds.mix(seed, 0xE4C0_0000L + s.ordinal()), t);
        };
        fill.initialize(side, layout, spec.architecture().dimension(), spec.optimization().seed(), table);
    }

    /** The values of {@code table}, row-major (the array itself, not a copy). */
    public float[] table(TableId table) {
        return tables[table.ordinal()];
    }

    /**
     * Combined vectors (or biases, width 1) of every entity read through {@code table}'s plan, with the trained
     * lookup weights where the layout's are trainable, or the encoder network's output.
     */
    public float[] combineAll(TableId table, int entities) {
        LookupPlan plan = plans.of(table);
        float[] values = table(table);
        return switch (plan.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS, BLOCKS -> combineRows(plan, values, null, shapes.width(table), entities);
            case TRAINABLE_WEIGHTS -> combineRows(plan, values, table(table.weights()), shapes.width(table), entities);
            case ENCODER -> EncoderNetwork.forwardAll(plan.encoder(), values, entities);
        };
    }

    private static float[] combineRows(LookupPlan plan, float[] values, float[] trainedWeights, int rowWidth,
                                       int entities) {
        int width = plan.embeddingWidth(rowWidth);
        float[] out = new float[Math.multiplyExact(entities, width)];
        for (int e = 0; e < entities; e++) {
            plan.combine(values, trainedWeights, rowWidth, e, out, e * width);
        }
        return out;
    }
}
