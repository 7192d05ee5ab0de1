package io.bloomfit.engine.factorization;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.Loss;
import io.bloomfit.api.train.ModelArchitecture;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.Negatives;
import io.bloomfit.api.train.NetworkSpec;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerSettings;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.testing.StopAfterSteps;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fit loop with a step that only records what it was given. */
class FitLoopTest {

    // 10 users x 10 items, one interaction per (u, (u + c) % 10) for c < 5: 50 interactions
    private static final Interactions TRAIN = interactions();

    private static Interactions interactions() {
        int[] users = new int[50];
        int[] items = new int[50];
        for (int n = 0; n < 50; n++) {
            users[n] = n / 5;
            items[n] = (n / 5 + n % 5) % 10;
        }
        return new Interactions(10, 10, users, items, null, null);
    }

    private static ModelSpec spec(Loss loss, int epochs, int batch, long seed) {
        return new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, loss, 4,
                        false, NetworkSpec.defaults()),
                new Optimization(OptimizerKind.SGD, 0.1, 0, epochs, batch, Negatives.uniform(3), seed),
                new TrainerSettings(DeviceChoice.CPU, 1, PluginOptions.NONE));
    }

    @Test
    void everyEpochVisitsEveryInteractionOnceAndReportsTheMeanLoss() {
        List<Batch> seen = new ArrayList<>();
        FitLoop.Result result = FitLoop.run(spec(Loss.BPR, 2, 16, 1), TRAIN, TrainingListener.NONE, batch -> {
            seen.add(batch);
            return batch.size(); // loss = batch size: the epoch mean is (16 + 16 + 16 + 2) / 4
        });
        assertThat(seen).hasSize(8);
        assertThat(seen).extracting(Batch::size).containsExactly(16, 16, 16, 2, 16, 16, 16, 2);
        Set<Long> pairs = new HashSet<>();
        for (Batch b : seen.subList(0, 4)) {
            for (int e = 0; e < b.size(); e++) {
                pairs.add(b.users()[e] * 10L + b.items()[e]);
            }
            assertThat(b.negativesPerPositive()).isEqualTo(1);
            assertThat(b.negatives()).hasSize(b.size());
            assertThat(java.util.Arrays.stream(b.negatives()).allMatch(i -> i >= 0 && i < 10)).isTrue();
        }
        assertThat(pairs).hasSize(50);
        assertThat(result.lossPerEpoch()).containsExactly(12.5, 12.5);
        assertThat(result.secondsPerEpoch()).hasSize(2);
    }

    @Test
    void theReportOfAResultCarriesItsEpochsAndTheFirstEpochsSoFar() {
        FitLoop.Result result = new FitLoop.Result(new double[] {2.0, 1.5, 1.0}, new double[] {0.9, 0.7, 0.6});

        FitReport report = result.report("cpu()", 3, 1234);
        assertThat(report.secondsPerEpoch()).containsExactly(2.0, 1.5, 1.0);
        assertThat(report.lossPerEpoch()).containsExactly(0.9, 0.7, 0.6);
        assertThat(report.fitSeconds()).isEqualTo(4.5);
        assertThat(report).extracting(FitReport::device, FitReport::threads, FitReport::parameters)
                .containsExactly("cpu()", 3, 1234L);
        FitReport soFar = result.first(2).report("cpu()", 3, 1234);
        assertThat(soFar.secondsPerEpoch()).containsExactly(2.0, 1.5);
        assertThat(soFar.lossPerEpoch()).containsExactly(0.9, 0.7);
        assertThat(result.first(0).report("cpu()", 3, 1234).fitSeconds()).isZero();
    }

    @Test
    void adaptiveHingeBatchesCarryModelNegativesPerPositive() {
        List<Batch> seen = new ArrayList<>();
        FitLoop.run(spec(Loss.ADAPTIVE_HINGE, 1, 16, 1), TRAIN, TrainingListener.NONE, batch -> {
            seen.add(batch);
            return 0;
        });
        assertThat(seen.get(0).negativesPerPositive()).isEqualTo(3);
        assertThat(seen.get(0).negatives()).hasSize(48);
    }

    @Test
    void sameSeedSameBatchesOtherSeedOtherOrder() {
        assertThat(record(7)).isEqualTo(record(7)).isNotEqualTo(record(8));
    }

    private static List<String> record(long seed) {
        List<String> out = new ArrayList<>();
        FitLoop.run(spec(Loss.BPR, 2, 8, seed), TRAIN, TrainingListener.NONE, batch -> {
            out.add(java.util.Arrays.toString(batch.users()) + java.util.Arrays.toString(batch.items())
                    + java.util.Arrays.toString(batch.negatives()));
            return 0;
        });
        return out;
    }

    @Test
    void aStopRequestEndsTheFitBeforeTheNextStep() {
        // 4 steps per epoch: stop after 6, in the middle of epoch 2
        StopAfterSteps listener = new StopAfterSteps(6);
        int[] steps = {0};
        assertThatThrownBy(() -> FitLoop.run(spec(Loss.BPR, 3, 16, 1), TRAIN, listener, batch -> {
            steps[0]++;
            return 0;
        })).isInstanceOfSatisfying(TrainingCancelledException.class, e -> {
            assertThat(e.epoch()).isEqualTo(2);
            assertThat(e.step()).isEqualTo(6);
        });
        assertThat(steps[0]).isEqualTo(6);
    }

    @Test
    void aStopRequestBeforeTheFirstStepRunsNoStep() {
        int[] steps = {0};
        assertThatThrownBy(() -> FitLoop.run(spec(Loss.BPR, 1, 16, 1), TRAIN, new StopAfterSteps(0), batch -> {
            steps[0]++;
            return 0;
        })).isInstanceOfSatisfying(TrainingCancelledException.class, e -> assertThat(e.step()).isZero());
        assertThat(steps[0]).isZero();
    }

    @Test
    void aNonFiniteLossStopsWithEpochAndGlobalStep() {
        int[] steps = {0};
        assertThatThrownBy(() -> FitLoop.run(spec(Loss.BPR, 2, 16, 1), TRAIN, TrainingListener.NONE, batch ->
                ++steps[0] == 6 ? Double.NaN : 0.5))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(2);
                    assertThat(e.step()).isEqualTo(6);
                });
    }
}
