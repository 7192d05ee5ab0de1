package io.bloomfit.experiment;



import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.train.FitRequest;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.Trainer;
import io.bloomfit.api.train.TrainingListener;

/**
 * Untimed fits before timed ones. Without them the first fit of a process pays for loading the engine's native
 * library and compiling the hot code: in a grid that is the plain baseline, which then looks several times slower
 * per epoch than it is, and every compressed point's speedup looks larger than it is. One fixed warm-up fit was
 * not enough (on MovieLens 100K plain's epochs still swung between 0.07 and 0.41 s), so the warm-up repeats until
 * the step time settles: until two fits in a row take within {@value #SETTLED_PERCENT}% of each other, at most
 * {@value #MAX_FITS} fits.
 */
public final class TrainerWarmUp {

    /** Interactions in a warm-up fit: enough steps for the JIT to compile the training loop's hot code. */
    public static final int INTERACTIONS = 20_000;
    /** Two consecutive warm-up fits this close (in percent of the later one) mean the step time has settled. */
    public static final int SETTLED_PERCENT = 10;
    /** The most warm-up fits before timing starts anyway. */
    public static final int MAX_FITS = 12;
    /** How the timings of a run are taken, for reports. */
    public static final String HOW_TIMED = "epoch wall times measured by the trainer, points one at a time in one "
            + "process, after untimed warm-up fits (" + INTERACTIONS + " interactions each) repeated until two in a "
            + "row took within " + SETTLED_PERCENT + "% of each other (at most " + MAX_FITS + ")";

    /**
     * What the warm-up did.
     *
     * @param fits        warm-up fits made
     * @param lastSeconds seconds of the last one (its epoch), NaN when none finished
     * @param settled     whether the last two were within {@value #SETTLED_PERCENT}%
     */
    public record Result(int fits, double lastSeconds, boolean settled) {

        /** No warm-up happened (no data, or the fit failed). */
        static final Result NONE = new Result(0, Double.NaN, false);
    }

    private TrainerWarmUp() {
    }

    /**
     * Fits plain layouts (from {@code plain}) for one epoch on the first {@value #INTERACTIONS} interactions of
     * {@code train}, scores one user and throws the model away, again and again until the epoch time settles. A
     * failure stops the warm-up and is otherwise ignored: the timed fits that follow report it themselves.
     */
    public static Result run(Trainer trainer, ModelSpec model, Interactions train, EmbeddingCompressor plain) {
        int n = Math.min(train.size(), INTERACTIONS);
        if (n == 0) {
            return Result.NONE;
        }
        int[] slice = new int[n];
        for (int i = 0; i < n; i++) {
            slice[i] = i;
        }
        ModelSpec oneEpoch = model.withOptimization(o -> o.withEpochs(1));
        Interactions part = train.select(slice);
        double previous = Double.NaN;
        for (int fit = 1; fit <= MAX_FITS; fit++) {
            double seconds;
            try {
                seconds = fitOnce(trainer, oneEpoch, part, plain);
            } catch (RuntimeException e) {
                return new Result(fit - 1, previous, false); // deliberately ignored: the timed fits report it
            }
            if (settled(previous, seconds)) {
                return new Result(fit, seconds, true);
            }
            previous = seconds;
        }
        return new Result(MAX_FITS, previous, false);
    }

    /** Whether two consecutive fit times are within {@value #SETTLED_PERCENT}% of the later one. */
    static boolean settled(double previous, double seconds) {
        return Double.isFinite(previous) && Math.abs(previous - seconds) * 100 <= SETTLED_PERCENT * seconds;
    }

    private static double fitOnce(Trainer trainer, ModelSpec oneEpoch, Interactions part, EmbeddingCompressor plain) {
        int dimension = oneEpoch.architecture().dimension();
        EmbeddingLayout users = plain.layout(LayoutRequest.plain(part.numUsers(), dimension), null);
        EmbeddingLayout items = plain.layout(LayoutRequest.plain(part.numItems(), dimension), null);
        long t0 = System.nanoTime();
        try (TrainedModel warm = trainer.fit(new FitRequest(oneEpoch, part, users, items), TrainingListener.NONE)) {
            warm.scoreAll(new int[] {0});
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
