package io.bloomfit.engine.factorization.testing;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;

/**
 * Weighted rows from two concatenated tables, with the combined embeddings of each combiner worked out by hand:
 * the scoring path and every engine's training graph must give these values.
 */
public final class CombinerCase {

    /** Table 0 has 3 rows, table 1 has 2 rows; width 2. Global rows: t0 = 0..2, t1 = 3..4. */
    public static final float[] VECTORS = {
            1, 2,    // global 0
            3, 4,    // global 1
            5, 6,    // global 2
            -1, 0.5f, // global 3 (t1 row 0)
            2, -2,   // global 4 (t1 row 1)
    };
    // entity 0 reads t0 row 2 (w 0.5) and t1 row 1 (w -1); entity 1 reads t0 row 0 (w 1) and t1 row 0 (w 2)
    private static final int[] ROWS = {2, 1, 0, 0};
    private static final float[] WEIGHTS = {0.5f, -1f, 1f, 2f};

    private CombinerCase() {
    }

    /** Hand-computed combined embeddings of entities 0 and 1, one after the other. */
    public static float[] expected(Combiner combiner) {
        // entity 0: 0.5 * (5, 6) = (2.5, 3); -1 * (2, -2) = (-2, 2)
        // entity 1: 1 * (1, 2) = (1, 2); 2 * (-1, 0.5) = (-2, 1)
        return switch (combiner) {
            case SUM -> new float[] {0.5f, 5f, -1f, 3f};
            case MEAN -> new float[] {0.25f, 2.5f, -0.5f, 1.5f};
            case PRODUCT -> new float[] {-5f, 6f, -2f, 2f};
            // concatenation takes no weights: entity 0 is (5, 6) then (2, -2); entity 1 is (1, 2) then (-1, 0.5)
            case CONCAT -> new float[] {5f, 6f, 2f, -2f, 1f, 2f, -1f, 0.5f};
        };
    }

    /** Floats of one combined embedding: 2 (the row width), or 4 when the 2 rows are concatenated. */
    public static int width(Combiner combiner) {
        return combiner == Combiner.CONCAT ? 4 : 2;
    }

    /** The two entities' layout, combined by {@code combiner}. */
    public static EmbeddingLayout layout(Combiner combiner) {
        boolean concat = combiner == Combiner.CONCAT;
        return EmbeddingLayout.of("test-two-tables", new LayoutRequest(2, width(combiner), 1.0, 2, null, 0),
                new int[] {3, 2}, new int[] {0, 1}, ROWS.clone(), concat ? null : WEIGHTS.clone(), combiner);
    }
}
