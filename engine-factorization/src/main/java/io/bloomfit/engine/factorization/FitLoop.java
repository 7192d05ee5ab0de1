package io.bloomfit.engine.factorization;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.train.CapabilityProblem;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelKind;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainerCapabilities;
import io.bloomfit.api.train.TrainingCancelledException;
import io.bloomfit.api.train.TrainingDivergedException;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.engine.factorization.model.LookupPlan;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The one fit loop of every trainer, as Spotlight composes a model: epochs of
 * {@link Minibatches}, each batch handed to a {@link BatchStep} (the engine's part: loss and update), the
 * listener told of every epoch and step, the loss checked for divergence, and {@link TrainingListener#stopRequested()}
 * asked before every step.
 *
 * <p>Guarantees: the same spec and data give the same batches and negatives whatever the step; a non-finite loss
 * stops the fit with {@link TrainingDivergedException} (epoch, global step); a stop request stops it before the
 * next step with {@link TrainingCancelledException} (epoch, steps finished over all epochs), so a cancelled fit
 * runs at most the step in progress.
 */
public final class FitLoop {

    /** Seconds and mean loss of each epoch. */
    public record Result(double[] secondsPerEpoch, double[] lossPerEpoch) {

        /** No epochs: what the report of a model handed out during a fit says of its timings. */
        public static final Result NONE = new Result(new double[0], new double[0]);

        /**
         * These epochs as the fit's {@link FitReport}, with the device the fit ran on, the threads it used and its
         * trainable floats: the one way an engine's fit (factorization or network) reports.
         */
        public FitReport report(String device, int threads, long parameters) {
            return new FitReport(secondsPerEpoch, lossPerEpoch, device, threads, parameters);
        }

        /** The first {@code epochs} epochs (those finished so far, for the report of an epoch's model). */
        public Result first(int epochs) {
            return new Result(Arrays.copyOf(secondsPerEpoch, epochs), Arrays.copyOf(lossPerEpoch, epochs));
        }
    }

    private FitLoop() {
    }

    /** Runs every epoch of {@code spec} on {@code train}, training with {@code step}. */
    public static Result run(ModelSpec spec, Interactions train, TrainingListener listener, BatchStep step) {
        return run(spec, train, listener, step, null);
    }

    /**
     * As {@link #run(ModelSpec, Interactions, TrainingListener, BatchStep)}; when the listener
     * {@link TrainingListener#wantsEpochModels() wants epoch models} and {@code snapshot} is not {@code null}, hands
     * it {@code snapshot}'s model of the current parameters after every epoch, then closes that model.
     */
    public static Result run(ModelSpec spec, Interactions train, TrainingListener listener, BatchStep step,
                             Supplier<TrainedModel> snapshot) {
        Minibatches batches = new Minibatches(train, spec);
        return run(spec.optimization().epochs(), batches.steps(), listener, snapshot, epoch -> {
            Minibatches.Epoch batchesOfEpoch = batches.epoch(epoch);
            return () -> {
                Batch batch = batchesOfEpoch.next();
                return new StepResult(step.apply(batch), batch.size());
            };
        });
    }

    /** What one step trained on: its loss and the examples of its batch. */
    public record StepResult(double loss, int examples) {
    }

    /** The steps of one epoch, drawn in order: each call trains the epoch's next batch. */
    @FunctionalInterface
    public interface EpochSteps {
        StepResult next();
    }

    /**
     * The loop itself, for any kind of batches (a factorization model's interactions, a network's users):
     * {@code epochs} epochs of {@code steps} steps each, {@code epochSteps.apply(epoch)} (1-based) giving an
     * epoch's steps. Listener, divergence and cancellation as described in the class comment.
     */
    public static Result run(int epochs, long steps, TrainingListener listener, IntFunction<EpochSteps> epochSteps) {
        return run(epochs, steps, listener, null, epochSteps);
    }

    /**
     * As {@link #run(int, long, TrainingListener, IntFunction)}; when the listener
     * {@link TrainingListener#wantsEpochModels() wants epoch models} and {@code snapshot} is not {@code null}, hands
     * it {@code snapshot}'s model of the current parameters after every epoch, then closes that model.
     */
    public static Result run(int epochs, long steps, TrainingListener listener, Supplier<TrainedModel> snapshot,
                             IntFunction<EpochSteps> epochSteps) {
        boolean epochModels = snapshot != null && listener.wantsEpochModels();
        double[] seconds = new double[epochs];
        double[] losses = new double[epochs];
        long globalStep = 0;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            EpochSteps stepsOfEpoch = epochSteps.apply(epoch);
            listener.epochStarted(epoch, epochs, steps);
            double lossSum = 0;
            long examples = 0;
            long start = System.nanoTime();
            for (long s = 0; s < steps; s++) {
                if (listener.stopRequested()) {
                    throw new TrainingCancelledException(epoch, globalStep + s);
                }
                StepResult result = stepsOfEpoch.next();
                double value = result.loss();
                if (!Double.isFinite(value)) {
                    throw new TrainingDivergedException(epoch, globalStep + s + 1, value);
                }
                lossSum += value;
                examples += result.examples();
                double elapsed = (System.nanoTime() - start) / 1e9;
                listener.stepFinished(epoch, s + 1, steps, lossSum / (s + 1), elapsed > 0 ? examples / elapsed : 0);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            seconds[epoch - 1] = elapsed;
            losses[epoch - 1] = lossSum / steps;
            listener.epochFinished(epoch, epochs, losses[epoch - 1], elapsed);
            if (epochModels) {
                try (TrainedModel current = snapshot.get()) {
                    listener.epochModel(epoch, current);
                }
            }
            globalStep += steps;
        }
        return new Result(seconds, losses);
    }

    /**
     * Checks a request before anything is allocated: what {@code capabilities} cannot do (named by
     * {@code trainer}; model fields and layout features), compressed biases on layouts that have no bias form, empty data, an explicit model without ratings, and tables over 2^31 floats.
     *
     * @throws IllegalArgumentException naming the field, the value and the fix
     */
    public static void validate(FitRequest request, TrainerCapabilities capabilities, String trainer) {
        List<CapabilityProblem> problems = new java.util.ArrayList<>(capabilities.problemsWith(request.model(),
                trainer));
        problems.addAll(capabilities.problemsWith(request.userLayout(), request.itemLayout(), trainer));
        if (request.model().architecture().compressBiases()) {
            for (EmbeddingLayout layout : List.of(request.userLayout(), request.itemLayout())) {
                if (!LookupPlan.of(layout).hasBiasForm()) {
                    problems.add(new CapabilityProblem("model.compressBiases", "compressor '" + layout.compressor()
                            + "' (trainable weights, an encoder or concatenated blocks) has no bias layout; set "
                            + "compressBiases to false (full-size biases)"));
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(CapabilityProblem::toString)
                    .collect(Collectors.joining("; ")));
        }
        Interactions train = request.train();
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training data has no interactions; nothing to fit");
        }
        if (request.model().architecture().kind() == ModelKind.EXPLICIT_FACTORIZATION && !train.hasRatings()) {
            throw new IllegalArgumentException("model.kind: explicit-factorization regresses ratings but the "
                    + "training data has none; use implicit-factorization or a dataset with ratings");
        }
        int dimension = request.model().architecture().dimension();
        long floats = (long) request.userLayout().totalRows() * dimension;
        long itemFloats = (long) request.itemLayout().totalRows() * dimension;
        if (floats > Integer.MAX_VALUE - 8 || itemFloats > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("model.dimension " + dimension + " times the "
                    + "table rows exceeds 2^31 floats per table; lower the dimension or the compression ratio");
        }
    }
}
