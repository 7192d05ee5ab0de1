package io.bloomfit.experiment.spec;

import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.api.train.ModelSpec;
import io.bloomfit.experiment.tune.TuneSpec;
import java.util.Objects;

/**
 * A validated experiment: what data, how it is split, which model, which trainer, and the grid of
 * compressors x hash functions x ratios x k x sides x repeats to compare. Read by {@link SpecReader} from the
 * YAML/JSON format users write by hand (a public contract: see {@code examples/}).
 *
 * @param name    names the run in reports
 * @param dataset the data source
 * @param split   train/test split (keys and defaults: {@code SplitSection}). The split is the same for every grid
 *                point and repeat, so points are compared on one test set
 * @param model   hyperparameters (device and threads come from the trainer section)
 * @param trainer trainer name, device, threads
 * @param grid    what to compare
 * @param source  the spec as read, with defaults filled in, as canonical JSON (stored beside the results)
 * @param evaluation which test users are scored (all by default)
 * @param tune       per-point tuning on a validation part, or {@code null} for none (every point trains with the
 *                   model section's values)
 * @param keepModels the top-level key {@value #KEEP_MODELS} (default {@code false}): keep each fitted point's
 *                   model with the dataset's id maps and training items, so it can recommend later (the CLI saves
 *                   into {@code DIR/models/}, the server into its data directory). It does not change results, so
 *                   a resume may change it
 */
public record ExperimentSpec(String name, DatasetSpec dataset, SplitSpec split, ModelSpec model, TrainerSpec trainer,
                             GridSpec grid, String source, EvaluationSpec evaluation, TuneSpec tune,
                             boolean keepModels) {

    /** The spec key of {@link #keepModels()}: a public contract. */
    public static final String KEEP_MODELS = "keepModels";

    /** A spec that scores every test user and keeps no models. */
    public ExperimentSpec(String name, DatasetSpec dataset, SplitSpec split, ModelSpec model, TrainerSpec trainer,
                          GridSpec grid, String source) {
        this(name, dataset, split, model, trainer, grid, source, EvaluationSpec.ALL_USERS, null, false);
    }

    public ExperimentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
