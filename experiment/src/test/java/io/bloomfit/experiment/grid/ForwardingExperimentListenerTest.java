package io.bloomfit.experiment.grid;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardingExperimentListenerTest {

    /** Records each call by name, and hands out its own training listener. */
    private static final class Recorder implements ExperimentListener {
        final List<String> calls = new ArrayList<>();
        final TrainingListener training = new TrainingListener() {
        };

        @Override
        public void started(List<GridPoint> points, int skipped) {
            calls.add("started " + points.size() + " " + skipped);
        }

        @Override
        public TrainingListener pointStarted(GridPoint point, int index, int total) {
            calls.add("pointStarted " + index + "/" + total);
            return training;
        }

        @Override
        public void modelFitted(GridPoint point, TrainedModel model) {
            calls.add("modelFitted " + point.compressor());
        }

        @Override
        public void pointFinished(ResultRow row, int index, int total) {
            calls.add("pointFinished " + index + "/" + total);
        }

        @Override
        public void pointCancelled(GridPoint point, int index, int total) {
            calls.add("pointCancelled " + index + "/" + total);
        }

        @Override
        public void note(String message) {
            calls.add("note " + message);
        }
    }

    @Test
    void aWrapperThatOverridesNothingPassesOnEveryCall() throws Exception {
        Recorder recorder = new Recorder();
        ExperimentListener wrapper = new ForwardingExperimentListener(recorder) {
        };
        GridPoint point = new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 0, 1);

        wrapper.started(List.of(point), 3);
        TrainingListener training = wrapper.pointStarted(point, 1, 4);
        wrapper.modelFitted(point, null);
        wrapper.pointFinished(null, 1, 4);
        wrapper.pointCancelled(point, 2, 4);
        wrapper.note("a repaired store");

        assertThat(training).isSameAs(recorder.training);
        assertThat(recorder.calls).containsExactly("started 1 3", "pointStarted 1/4", "modelFitted bloom",
                "pointFinished 1/4", "pointCancelled 2/4", "note a repaired store");
    }

    @Test
    void noDelegateMeansNoneAndATrainingListenerIsAlwaysGiven() {
        ExperimentListener wrapper = new ForwardingExperimentListener(null) {
        };
        assertThat(wrapper.pointStarted(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 0), 1, 1))
                .isSameAs(TrainingListener.NONE);
    }
}
