package io.bloomfit.experiment.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingTrainingListenerTest {

    @Test
    void aWrapperThatOverridesNothingPassesOnEveryCall() {
        List<String> calls = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, long steps) {
                calls.add("epochStarted " + epoch + "/" + epochs + " " + steps);
            }

            @Override
            public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
                calls.add("stepFinished " + step + "/" + steps + " " + meanLoss + " " + examplesPerSecond);
            }

            @Override
            public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                calls.add("epochFinished " + epoch + " " + meanLoss + " " + seconds);
            }

            @Override
            public boolean wantsEpochModels() {
                return true;
            }

            @Override
            public void epochModel(int epoch, TrainedModel current) {
                calls.add("epochModel " + epoch);
            }

            @Override
            public boolean stopRequested() {
                return true;
            }
        };
        TrainingListener wrapper = new ForwardingTrainingListener(recorder) {
        };

        wrapper.epochStarted(1, 3, 10);
        wrapper.stepFinished(1, 4, 10, 0.5, 200.0);
        wrapper.epochFinished(1, 3, 0.25, 2.0);
        wrapper.epochModel(1, null);

        assertThat(wrapper.wantsEpochModels()).isTrue();
        assertThat(wrapper.stopRequested()).isTrue();
        assertThat(calls).containsExactly("epochStarted 1/3 10", "stepFinished 4/10 0.5 200.0",
                "epochFinished 1 0.25 2.0", "epochModel 1");
    }

    @Test
    void noDelegateMeansNone() {
        TrainingListener wrapper = new ForwardingTrainingListener(null) {
        };
        assertThat(wrapper.wantsEpochModels()).isFalse();
        assertThat(wrapper.stopRequested()).isFalse();
    }
}
