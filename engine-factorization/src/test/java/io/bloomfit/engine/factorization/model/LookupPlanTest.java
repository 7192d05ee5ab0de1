package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.engine.factorization.testing.CombinerCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring path combines weighted rows of concatenated tables as worked out by hand in {@link CombinerCase}. */
class LookupPlanTest {

    @ParameterizedTest
    @EnumSource(Combiner.class)
    void scoringPathCombinesWeightedRowsOfConcatenatedTables(Combiner combiner) {
        LookupPlan plan = LookupPlan.of(CombinerCase.layout(combiner));
        int width = CombinerCase.width(combiner);
        float[] out = new float[2 * width];
        plan.combine(CombinerCase.VECTORS, 2, 0, out, 0);
        plan.combine(CombinerCase.VECTORS, 2, 1, out, width);
        assertThat(out).containsExactly(CombinerCase.expected(combiner), within(1e-6f));
        assertThat(plan.rowsOf(new int[] {1, 0})).containsExactly(0, 3, 2, 4);
    }
}
