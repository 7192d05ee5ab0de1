package io.bloomfit.experiment;

import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.Optimization;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only trainer whose model after {@code e} epochs ranks items by closeness to a centre {@code c = 10 (learning
 * rate 0.01) or 20 (any other) + 50 * l2 + x + e}, x being the item table's rows beyond one per item (0 for every
 * layout of at most one row per item; a compressor option that adds rows moves the centre): score(i) = -|i - c|,
 * the same for every user. So a validation or test
 * set whose items all sit at one index has a known curve over epochs and combinations. It shows its model after
 * every epoch ({@link TrainingListener#epochModel}) and records how many epochs each (learning rate, l2) fit ran.
 */
public final class FixtureTunableTrainer implements Trainer {

    /** "lr/l2" to the epochs of each fit with those values, in order. */
    static final Map<String, List<Integer>> EPOCHS_RUN = new ConcurrentHashMap<>();

    static String key(double learningRate, double l2) {
        return learningRate + "/" + l2;
    }

    @Override
    public String name() {
        return "fixture-tunable";
    }

    @Override
    public TrainerCapabilities capabilities() {
        return new TrainerCapabilities(true, EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU),
                EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION), EnumSet.of(OptimizerKind.ADAM));
    }

    @Override
    public TrainedModel fit(FitRequest request, TrainingListener listener) {
        Optimization m = request.model().optimization();
        int numUsers = request.train().numUsers();
        int numItems = request.train().numItems();
        double base = (m.learningRate() == 0.01 ? 10 : 20) + 50 * m.l2()
                + Math.max(0, request.itemLayout().totalRows() - request.itemLayout().numEntities());
        List<Integer> runs = EPOCHS_RUN.computeIfAbsent(key(m.learningRate(), m.l2()), k -> new ArrayList<>());
        int epoch = 0;
        try {
            for (epoch = 1; epoch <= m.epochs(); epoch++) {
                listener.epochStarted(epoch, m.epochs(), 1);
                if (listener.stopRequested()) {
                    throw new TrainingCancelledException(epoch, epoch - 1);
                }
                listener.epochFinished(epoch, m.epochs(), 1.0 / epoch, 0.001);
                if (listener.wantsEpochModels()) {
                    try (TrainedModel current = new Centred(numUsers, numItems, base + epoch, m.epochs())) {
                        listener.epochModel(epoch, current);
                    }
                }
            }
        } finally {
            synchronized (runs) {
                runs.add(epoch - 1);
            }
        }
        return new Centred(numUsers, numItems, base + m.epochs(), m.epochs());
    }

    @Override
    public TrainedModel load(Path directory, PluginLookup plugins) {
        throw new UnsupportedOperationException("the fixture trainer does not save models");
    }

    private record Centred(int numUsers, int numItems, double centre, int epochs) implements TrainedModel {

        @Override
        public float[][] scoreAll(int[] users) {
            float[][] out = new float[users.length][];
            for (int b = 0; b < users.length; b++) {
                out[b] = score(users[b], java.util.stream.IntStream.range(0, numItems).toArray());
            }
            return out;
        }

        @Override
        public float[] score(int user, int[] items) {
            float[] out = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = (float) -Math.abs(items[i] - centre);
            }
            return out;
        }

        @Override
        public int[] recommend(int user, int k, int[] exclude) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FitReport report() {
            return new FitReport(new double[epochs], new double[epochs], "cpu()", 1, numItems);
        }

        @Override
        public void close() {
        }
    }
}
