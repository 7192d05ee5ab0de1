package io.bloomfit.experiment;

import io.bloomfit.api.plugin.PluginLookup;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only trainer: "fits" item popularity counted per item-table row (so compression changes the scores),
 * reports its epochs to the listener (one step per epoch), stops with {@link TrainingCancelledException} when the
 * listener asks before a step, and diverges when the item table has under a fifth of the items, so failure
 * isolation can be tested deterministically. It declares concurrent fits, the CPU, implicit models and two
 * optimizers; {@link Serial} is the same trainer declaring that its fits must not overlap.
 *
 * <p>Every fit counts itself in {@link #inFlight()} while it runs (and lasts at least {@link #pauseMillis}), so
 * tests can see whether fits overlapped.
 */
public class FixtureTrainer implements Trainer {

    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
    /** How long each fit sleeps before its first epoch (0: not at all). */
    static volatile long pauseMillis;

    /** Forgets the fits counted so far. */
    static void resetOverlap() {
        MOST_IN_FLIGHT.set(0);
    }

    /** The most fits that ran at once since {@link #resetOverlap()}. */
    static int mostInFlight() {
        return MOST_IN_FLIGHT.get();
    }

    static int inFlight() {
        return IN_FLIGHT.get();
    }

    @Override
    public String name() {
        return "fixture";
    }

    @Override
    public TrainerCapabilities capabilities() {
        return new TrainerCapabilities(true, EnumSet.of(DeviceChoice.AUTO, DeviceChoice.CPU),
                EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION), EnumSet.of(OptimizerKind.ADAM,
                OptimizerKind.SPARSE_ADAM));
    }

    /** The fixture trainer, declaring that two of its fits must never run at once in one JVM. */
    public static final class Serial extends FixtureTrainer {

        @Override
        public String name() {
            return "fixture-serial";
        }

        @Override
        public TrainerCapabilities capabilities() {
            TrainerCapabilities all = super.capabilities();
            return new TrainerCapabilities(false, all.devices(), all.modelKinds(), all.optimizers());
        }
    }

    /** The fixture trainer, declaring the Bloom network too (it fits it as it fits everything: from the layouts). */
    public static final class Network extends FixtureTrainer {

        @Override
        public String name() {
            return "fixture-network";
        }

        @Override
        public TrainerCapabilities capabilities() {
            TrainerCapabilities all = super.capabilities();
            return new TrainerCapabilities(true, all.devices(), EnumSet.of(ModelKind.IMPLICIT_FACTORIZATION,
                    ModelKind.BLOOM_NETWORK), all.optimizers());
        }
    }

    /**
     * The fixture trainer, declaring two options of its own: {@code path} (fast | exact, default fast) and
     * {@code lanes} (1..64, default 4); it remembers the options of the last fit it was asked for.
     */
    public static final class WithOptions extends FixtureTrainer {

        /** The trainer options of the last request this trainer fitted. */
        public static volatile PluginOptions lastOptions;

        @Override
        public String name() {
            return "fixture-options";
        }

        @Override
        public TrainerCapabilities capabilities() {
            TrainerCapabilities all = super.capabilities();
            return new TrainerCapabilities(true, all.devices(), all.modelKinds(), all.optimizers(), Set.of(),
                    List.of(PluginOption.choice("path", "fast", List.of("fast", "exact"), "which path"),
                            PluginOption.integer("lanes", 4, 1, 64, "how many lanes")));
        }

        @Override
        public TrainedModel fit(FitRequest request, TrainingListener listener) {
            lastOptions = request.model().trainer().options();
            return super.fit(request, listener);
        }
    }

    @Override
    public TrainedModel fit(FitRequest request, TrainingListener listener) {
        int now = IN_FLIGHT.incrementAndGet();
        MOST_IN_FLIGHT.accumulateAndGet(now, Math::max);
        try {
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
            return fitCounted(request, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    private TrainedModel fitCounted(FitRequest request, TrainingListener listener) {
        EmbeddingLayout items = request.itemLayout();
        int epochs = request.model().optimization().epochs();
        double[] seconds = new double[epochs];
        double[] losses = new double[epochs];
        Interactions train = request.train();
        float[] rowCounts = new float[items.totalRows()];
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long t0 = System.nanoTime();
            listener.epochStarted(epoch, epochs, 1);
            if (listener.stopRequested()) {
                throw new TrainingCancelledException(epoch, 1);
            }
            if (items.achievedRatio() < 0.2) {
                throw new TrainingDivergedException(epoch, 1, Double.NaN);
            }
            java.util.Arrays.fill(rowCounts, 0);
            for (int i = 0; i < train.size(); i++) {
                for (int j = 0; j < items.numLookups(); j++) {
                    rowCounts[items.globalRow(train.item(i), j)]++;
                }
            }
            losses[epoch - 1] = 1.0 / epoch;
            listener.stepFinished(epoch, 1, 1, losses[epoch - 1], train.size());
            seconds[epoch - 1] = (System.nanoTime() - t0) / 1e9;
            listener.epochFinished(epoch, epochs, losses[epoch - 1], seconds[epoch - 1]);
        }
        float[] itemScores = new float[train.numItems()];
        for (int item = 0; item < itemScores.length; item++) {
            for (int j = 0; j < items.numLookups(); j++) {
                itemScores[item] += rowCounts[items.globalRow(item, j)] / items.numLookups();
            }
            itemScores[item] -= item * 1e-4f; // deterministic tie-break
        }
        long parameters = (request.userLayout().parameterCount(request.model().architecture().dimension())
                + items.parameterCount(request.model().architecture().dimension())) + train.numUsers() + train.numItems();
        return new Model(train.numUsers(), itemScores, new FitReport(seconds, losses, "cpu()", 1, parameters));
    }

    @Override
    public TrainedModel load(Path directory, PluginLookup plugins) {
        throw new UnsupportedOperationException("the fixture trainer does not save models");
    }

    private record Model(int numUsers, float[] itemScores, FitReport report) implements TrainedModel {

        @Override
        public int numItems() {
            return itemScores.length;
        }

        @Override
        public float[][] scoreAll(int[] users) {
            float[][] out = new float[users.length][];
            for (int i = 0; i < users.length; i++) {
                out[i] = itemScores.clone();
            }
            return out;
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
