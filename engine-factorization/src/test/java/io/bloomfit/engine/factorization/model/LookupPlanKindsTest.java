package io.bloomfit.engine.factorization.model;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.LookupKind;
import io.bloomfit.api.embed.TrainableWeights;
import io.bloomfit.engine.factorization.onnx.OnnxExporter;
import io.bloomfit.engine.factorization.step.FusedSparseStep;
import io.bloomfit.engine.factorization.testing.CombinerCase;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a plan answers for each kind of layout, worked out by hand, and where a kind is refused. */
class LookupPlanKindsTest {

    /** {@link CombinerCase}'s rows, with weights learned from a weight table: entity e reads weight row 1 - e. */
    private static EmbeddingLayout trainable() {
        TrainableWeights weights = TrainableWeights.shared(2, 2, new int[] {1, 0}, new float[] {1, 2, 3, 4})
                .withLearningRateScale(0.5);
        return EmbeddingLayout.ofTrainable("test-trainable", new LayoutRequest(2, 2, 1.0, 2, null, 0),
                new int[] {3, 2}, new int[] {0, 1}, new int[] {2, 1, 0, 0}, weights, Combiner.SUM);
    }

    private static EmbeddingLayout encoder() {
        return EmbeddingCompressors.layout("dhe", new LayoutRequest(6, 4, 1.0, 2, "xxh3", 1));
    }

    @Test
    void theIdentityReadsPlainRowsOnePerEntity() {
        LookupPlan plan = LookupPlan.identity(3);

        assertThat(plan.kind()).isEqualTo(LookupKind.PLAIN_ROWS);
        assertThat(plan.hasBiasForm()).isTrue();
        assertThat(plan.rowsOf(new int[] {2, 0})).containsExactly(2, 0);
        assertThat(plan.weightsOf(new int[] {2, 0})).isNull();
        assertThat(plan.weightRows()).isZero();
        assertThat(plan.initialWeights()).isEmpty();
        assertThat(plan.weightLearningRateScale()).isEqualTo(1.0);
        assertThat(plan.embeddingWidth(5)).isEqualTo(5);
        assertThatThrownBy(plan::encoder).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plan.weightRowsOf(new int[] {0})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void weightedRowsCarryTheirFixedWeights() {
        LookupPlan plan = LookupPlan.of(CombinerCase.layout(Combiner.SUM));

        assertThat(plan.kind()).isEqualTo(LookupKind.WEIGHTED_ROWS);
        assertThat(plan.hasBiasForm()).isTrue();
        assertThat(plan.weightsOf(new int[] {1, 0})).containsExactly(1f, 2f, 0.5f, -1f);
        assertThat(plan.weightRows()).isZero();
        assertThat(plan.embeddingWidth(2)).isEqualTo(2);
        assertThat(FusedSparseStep.trains(plan)).isTrue();
    }

    @Test
    void blocksAreNarrowRowsLaidEndToEnd() {
        LookupPlan plan = LookupPlan.of(CombinerCase.layout(Combiner.CONCAT));

        assertThat(plan.kind()).isEqualTo(LookupKind.BLOCKS);
        assertThat(plan.hasBiasForm()).isFalse();
        assertThat(plan.weightsOf(new int[] {1, 0})).isNull();
        assertThat(plan.rowWidth(4)).isEqualTo(2);
        assertThat(plan.embeddingWidth(2)).isEqualTo(4);
        assertThat(FusedSparseStep.trains(plan)).isTrue();
    }

    /** Entity 0: 3 * (5, 6) + 4 * (2, -2) = (23, 10); entity 1: 1 * (1, 2) + 2 * (-1, 0.5) = (-1, 3). */
    @Test
    void trainableWeightsAreReadFromTheWeightTable() {
        LookupPlan plan = LookupPlan.of(trainable());
        float[] out = new float[4];

        plan.combine(CombinerCase.VECTORS, new float[] {1, 2, 3, 4}, 2, 0, out, 0);
        plan.combine(CombinerCase.VECTORS, new float[] {1, 2, 3, 4}, 2, 1, out, 2);

        assertThat(out).containsExactly(23f, 10f, -1f, 3f);
        assertThat(plan.kind()).isEqualTo(LookupKind.TRAINABLE_WEIGHTS);
        assertThat(plan.hasBiasForm()).isFalse();
        assertThat(plan.weightRows()).isEqualTo(2);
        assertThat(plan.weightRowsOf(new int[] {0, 1, 0})).containsExactly(1, 0, 1);
        assertThat(plan.initialWeights()).containsExactly(1f, 2f, 3f, 4f);
        assertThat(plan.weightLearningRateScale()).isEqualTo(0.5);
        assertThat(plan.embeddingWidth(2)).isEqualTo(2);
        assertThat(FusedSparseStep.trains(plan)).isTrue();
    }

    @Test
    void anEncoderHasNoRowsAndNoBiasForm() {
        EmbeddingLayout layout = encoder();
        LookupPlan plan = LookupPlan.of(layout);

        assertThat(plan.kind()).isEqualTo(LookupKind.ENCODER);
        assertThat(plan.encoder()).isSameAs(layout.asEncoder().encoder());
        assertThat(plan.hasBiasForm()).isFalse();
        assertThat(plan.weightRows()).isZero();
        assertThat(plan.weightsOf(new int[] {0})).isNull();
        assertThat(FusedSparseStep.trains(plan)).isFalse();
        assertThatThrownBy(() -> plan.embeddingWidth(4)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plan.combine(new float[64], 4, 0, new float[4], 0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onnxExportRefusesAnEncoderByName(@TempDir Path dir) {
        FactorizationModel model = Models.random(Models.plain(5, 4), encoder(), Models.spec(4, false), 3);

        assertThatThrownBy(() -> OnnxExporter.export(model, dir.resolve("model.onnx")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ONNX export of encoder layouts (" + model.itemLayout().asEncoder().encoder() + ") is "
                        + "not supported: export a model whose layouts are row lookups");
    }
}
