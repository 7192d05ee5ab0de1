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
 * An untimed fit before timed ones. Without it the first fit of a process pays for loading the engine's native
 * library and compiling the hot code: in a grid that is the plain baseline, which then looks several times slower
 * per epoch than it is, and every compressed point's speedup looks larger than it is.
 */
public final class TrainerWarmUp {

    /** Interactions in the warm-up fit: enough steps for the JIT to compile the training loop's hot code. */
    public static final int INTERACTIONS = 20_000;

    private TrainerWarmUp() {
    }

    /**
     * Fits plain layouts (from {@code plain}) for one epoch on the first {@value #INTERACTIONS} interactions of
     * {@code train}, scores one user, and throws the model away. A failure is ignored: the timed fits that follow
     * report the same failure themselves.
     */
    public static void run(Trainer trainer, ModelSpec model, Interactions train, EmbeddingCompressor plain) {
        int n = Math.min(train.size(), INTERACTIONS);
        if (n == 0) {
            return;
        }
        int[] slice = new int[n];
        for (int i = 0; i < n; i++) {
            slice[i] = i;
        }
        ModelSpec oneEpoch = model.withEpochs(1);
        try {
            EmbeddingLayout users = plain.layout(LayoutRequest.plain(train.numUsers(), oneEpoch.dimension()), null);
            EmbeddingLayout items = plain.layout(LayoutRequest.plain(train.numItems(), oneEpoch.dimension()), null);
            try (TrainedModel warm = trainer.fit(new FitRequest(oneEpoch, train.select(slice), users, items),
                    TrainingListener.NONE)) {
                warm.scoreAll(new int[] {0});
            }
        } catch (RuntimeException e) {
            // deliberately ignored: the timed fits report their own failures
        }
    }
}
