package io.bloomfit.engine.djl;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.CapabilityProblem;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.host.Trainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code djl} trainer's option {@code sparseGradients} (fused | autograd): declared in its capabilities, checked
 * at {@code trainer.options.sparseGradients}, recorded in the model's spec; the system property
 * {@code bloomfit.djl.sparseGradients} is its deprecated alias, the default where a spec gives none.
 */
class SparseGradientsOptionTest {

    private static final Interactions PLANTED = Fixtures.twoGroups(40, 30, 8, 7);
    private static final int[] USERS = IntStream.range(0, 40).toArray();

    @AfterEach
    void clearAlias() {
        System.clearProperty(SparseGradients.PROPERTY);
    }

    private static FitRequest request(PluginOptions options) {
        ModelSpec spec = Fixtures.spec(Loss.BPR, OptimizerKind.SPARSE_ADAM, 8, 2, 32, 0.05, 3)
                .withTrainer(t -> t.withOptions(options));
        return Fixtures.plainRequest(spec, PLANTED);
    }

    @Test
    void theTrainerDeclaresSparseGradientsFusedOrAutogradDefaultFused() {
        List<PluginOption> options = new DjlTrainer().capabilities().options();
        assertThat(options).hasSize(1);
        PluginOption option = options.get(0);
        assertThat(option.name()).isEqualTo("sparseGradients");
        assertThat(option.type()).isEqualTo(PluginOption.Type.CHOICE);
        assertThat(option.choices()).containsExactly("fused", "autograd");
        assertThat(option.defaultValue()).isEqualTo("fused");
    }

    @Test
    void valuesAndNamesTheTrainerDoesNotTakeAreReportedAtTheirPath() {
        ModelSpec spec = request(PluginOptions.of(Map.of("sparseGradients", "x", "speed", 2))).model();
        assertThat(new DjlTrainer().capabilities().problemsWith(spec, "djl")).containsExactly(
                new CapabilityProblem("trainer.options.sparseGradients",
                        "'x' is not allowed; expected one of fused, autograd"),
                new CapabilityProblem("trainer.options.speed",
                        "unknown option; it takes sparseGradients (one of fused, autograd)"));
        assertThatThrownBy(() -> new DjlTrainer().fit(request(PluginOptions.of(Map.of("sparseGradients", "x"))),
                TrainingListener.NONE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trainer.options.sparseGradients");
    }

    /** The fused path is the cpu trainer's fit, bit for bit; the model records the options it ran with. */
    @Test
    void theModelRecordsTheOptionsItRanWithTheDefaultWhenNoneIsGiven() {
        try (TrainedModel given = new DjlTrainer().fit(request(PluginOptions.NONE), TrainingListener.NONE);
             TrainedModel cpu = Trainers.forName("cpu").fit(request(PluginOptions.NONE), TrainingListener.NONE)) {
            assertThat(((DjlFactorizationModel) given).factorization().spec().trainer().options())
                    .isEqualTo(PluginOptions.of(Map.of("sparseGradients", "fused")));
            assertThat(((DjlFactorizationModel) given).factorization().scoreAll(USERS))
                    .isDeepEqualTo(cpu.scoreAll(USERS));
        }
        try (TrainedModel autograd = new DjlTrainer().fit(request(PluginOptions.of(Map.of("sparseGradients",
                "autograd"))), TrainingListener.NONE)) {
            assertThat(((DjlFactorizationModel) autograd).factorization().spec().trainer().options())
                    .isEqualTo(PluginOptions.of(Map.of("sparseGradients", "autograd")));
        }
    }

    @Test
    void theDeprecatedPropertyIsTheDefaultButAGivenOptionWins() {
        System.setProperty(SparseGradients.PROPERTY, "autograd");
        assertThat(new DjlTrainer().capabilities().options().get(0).defaultValue()).isEqualTo("autograd");
        try (TrainedModel byAlias = new DjlTrainer().fit(request(PluginOptions.NONE), TrainingListener.NONE)) {
            assertThat(((DjlFactorizationModel) byAlias).factorization().spec().trainer().options())
                    .isEqualTo(PluginOptions.of(Map.of("sparseGradients", "autograd")));
        }
        try (TrainedModel given = new DjlTrainer().fit(request(PluginOptions.of(Map.of("sparseGradients", "fused"))),
                TrainingListener.NONE);
             TrainedModel cpu = Trainers.forName("cpu").fit(request(PluginOptions.NONE), TrainingListener.NONE)) {
            assertThat(((DjlFactorizationModel) given).factorization().spec().trainer().options())
                    .isEqualTo(PluginOptions.of(Map.of("sparseGradients", "fused")));
            assertThat(((DjlFactorizationModel) given).factorization().scoreAll(USERS))
                    .isDeepEqualTo(cpu.scoreAll(USERS));
        }
    }

    @Test
    void aDeprecatedPropertyValueTheOptionDoesNotAllowNamesTheProperty() {
        System.setProperty(SparseGradients.PROPERTY, "fast");
        assertThatThrownBy(() -> new DjlTrainer().capabilities()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bloomfit.djl.sparseGradients").hasMessageContaining("'fast'")
                .hasMessageContaining("trainer.options");
    }
}
