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

    /** How each of the four tables is read. */
    public record Plans(LookupPlan userVectors, LookupPlan itemVectors, LookupPlan userBiases,
                        LookupPlan itemBiases) {

        public LookupPlan of(TableId table) {
            return switch (table) {
                case USER_VECTORS -> userVectors;
                case ITEM_VECTORS -> itemVectors;
                case USER_BIASES -> userBiases;
                case ITEM_BIASES -> itemBiases;
            };
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
            rows[t.ordinal()] = plans.of(t).rows();
            widths[t.ordinal()] = t.isBias() ? 1 : dimension;
        }
        return new TableShapes(rows, widths);
    }

    /**
     * The parameters a fit of {@code request} starts from: embedding tables filled by {@code initializer} (with
     * the fit's seed), biases zero. Every trainer starts here, so the same spec starts from the same values
     * whatever trainer fits it.
     */
    public static ModelParameters initial(FitRequest request, ParameterInitializer initializer) {
        ModelSpec spec = request.model();
        Plans plans = plans(request.userLayout(), request.itemLayout(), spec.compressBiases());
        TableShapes shapes = shapes(plans, spec.dimension());
        float[][] tables = new float[TableId.values().length][];
        for (TableId t : TableId.values()) {
            tables[t.ordinal()] = new float[Math.toIntExact(shapes.floats(t))];
        }
        initializer.initialize(EmbeddingSide.USERS, request.userLayout(), spec.dimension(), spec.seed(),
                tables[TableId.USER_VECTORS.ordinal()]);
        initializer.initialize(EmbeddingSide.ITEMS, request.itemLayout(), spec.dimension(), spec.seed(),
                tables[TableId.ITEM_VECTORS.ordinal()]);
        return new ModelParameters(plans, shapes, tables);
    }

    /** The values of {@code table}, row-major (the array itself, not a copy). */
    public float[] table(TableId table) {
        return tables[table.ordinal()];
    }

    /** Combined vectors (or biases, width 1) of every entity read through {@code table}'s plan. */
    public float[] combineAll(TableId table, int entities) {
        int width = shapes.width(table);
        float[] out = new float[Math.multiplyExact(entities, width)];
        LookupPlan plan = plans.of(table);
        float[] values = table(table);
        for (int e = 0; e < entities; e++) {
            plan.combine(values, width, e, out, e * width);
        }
        return out;
    }
}
