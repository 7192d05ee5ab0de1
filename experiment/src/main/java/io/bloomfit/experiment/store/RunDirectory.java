package io.bloomfit.experiment.store;

import io.bloomfit.experiment.grid.GridPoint;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The layout of a run's output directory, the one place its file names live: {@code results.jsonl} (one row per
 * finished grid point), {@code spec.json} (the spec that produced them), {@code summary.csv} and
 * {@code report.html} (the reports), and, with {@code --save-models} or {@code keepModels: true},
 * {@code models/<point>/} (one saved model per
 * point) beside {@code models/user-ids.txt} and {@code models/item-ids.txt} (the dataset's source ids, one per line
 * in index order). The names are a public contract: tools and {@code bloomfit recommend} look for them.
 *
 * @param path the run directory
 */
public record RunDirectory(Path path) {

    /** One JSON object per finished grid point. */
    public static final String RESULTS = "results.jsonl";
    /** The spec that produced the results, defaults filled in. */
    public static final String SPEC = "spec.json";
    /**
     * What the run's data was and what loading did with it ({@code name, description, source, lines_read,
     * skipped_lines, skipped_examples, below_threshold, duplicates_collapsed}).
     */
    public static final String DATASET = "dataset.json";
    /** The summary table as CSV. */
    public static final String SUMMARY_CSV = "summary.csv";
    /** The summary with charts. */
    public static final String REPORT_HTML = "report.html";
    /** The folder of saved models. */
    public static final String MODELS = "models";
    /** Source user ids, one per line in index order, in {@link #MODELS}. */
    public static final String USER_IDS = "user-ids.txt";
    /** Source item ids, one per line in index order, in {@link #MODELS}. */
    public static final String ITEM_IDS = "item-ids.txt";
    /**
     * The training split's items of each user, in {@link #MODELS}: line {@code u} (0-based) holds user {@code u}'s
     * training item indices, ascending, tab-separated (an empty line for a user without any); one line per user.
     */
    public static final String TRAIN_ITEMS = "train-items.tsv";

    public RunDirectory {
        Objects.requireNonNull(path, "path");
    }

    public Path results() {
        return path.resolve(RESULTS);
    }

    public Path spec() {
        return path.resolve(SPEC);
    }

    public Path dataset() {
        return path.resolve(DATASET);
    }

    public Path summaryCsv() {
        return path.resolve(SUMMARY_CSV);
    }

    public Path reportHtml() {
        return path.resolve(REPORT_HTML);
    }

    public Path models() {
        return path.resolve(MODELS);
    }

    public Path userIds() {
        return models().resolve(USER_IDS);
    }

    public Path itemIds() {
        return models().resolve(ITEM_IDS);
    }

    /** Where the model of {@code point} is saved: {@code models/<point>/}, see {@link #modelName(GridPoint)}. */
    public Path model(GridPoint point) {
        return models().resolve(modelName(point));
    }

    /**
     * The folder name of a point's model, e.g. {@code bloom-xxh64-r0.4-k2-both-0}, {@code plain-0} or, for a point
     * with options, {@code bloom-hybrid-xxh64-r0.5-k2-both-hotShare_0.25-0}: every field of the point but the seed,
     * with characters outside {@code [A-Za-z0-9._-]} replaced by {@code _}.
     */
    public static String modelName(GridPoint p) {
        String name = p.baseline() ? "plain-" + p.repeat() : p.compressor() + "-" + (p.hash() == null ? "nohash"
                : p.hash()) + "-r" + p.ratio() + "-k" + p.hashes() + "-" + p.sides().specName()
                + (p.options().isEmpty() ? "" : "-" + GridPoint.optionsText(p.options())) + "-" + p.repeat();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
