package io.bloomfit.engine.djl;

import io.bloomfit.api.embed.EmbeddingLayout;

/**
 * The trained tables of a factorization model (row-major float arrays) and how they are read.
 *
 * @param plans  how each table is read
 * @param shapes rows and width of each table
 * @param tables one array per {@link TableId}, by ordinal
 */
record ModelParameters(Plans plans, TableShapes shapes, float[][] tables) {

    /** How each of the four tables is read. */
    record Plans(LookupPlan userVectors, LookupPlan itemVectors, LookupPlan userBiases, LookupPlan itemBiases) {

        LookupPlan of(TableId table) {
            return switch (table) {
                case USER_VECTORS -> userVectors;
                case ITEM_VECTORS -> itemVectors;
                case USER_BIASES -> userBiases;
                case ITEM_BIASES -> itemBiases;
            };
        }
    }

    /** Vectors follow the layouts; biases follow them only when {@code compressBiases}, else are full-size. */
    static Plans plans(EmbeddingLayout users, EmbeddingLayout items, boolean compressBiases) {
        LookupPlan u = LookupPlan.of(users);
        LookupPlan i = LookupPlan.of(items);
        return new Plans(u, i,
                compressBiases ? u : LookupPlan.identity(users.numEntities()),
                compressBiases ? i : LookupPlan.identity(items.numEntities()));
    }

    static TableShapes shapes(Plans plans, int dimension) {
        TableId[] ids = TableId.values();
        int[] rows = new int[ids.length];
        int[] widths = new int[ids.length];
        for (TableId t : ids) {
            rows[t.ordinal()] = plans.of(t).rows();
            widths[t.ordinal()] = t.isBias() ? 1 : dimension;
        }
        return new TableShapes(rows, widths);
    }

    float[] table(TableId table) {
        return tables[table.ordinal()];
    }

    /** Combined vectors (or biases, width 1) of every entity read through {@code table}'s plan. */
    float[] combineAll(TableId table, int entities) {
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
