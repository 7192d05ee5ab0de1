package io.bloomfit.cli;

import io.bloomfit.data.IdIndex;
import io.bloomfit.experiment.ExperimentListener;
import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.ResultRow;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code run --save-models}: saves each point's model under {@code DIR/models/<point>/}, with the dataset's id maps
 * ({@code user-ids.txt}, {@code item-ids.txt}, one source id per line in index order) in {@code DIR/models/}, so
 * {@code bloomfit recommend} answers in the source's ids.
 */
final class ModelSaver implements ExperimentListener {

    static final String USER_IDS = "user-ids.txt";
    static final String ITEM_IDS = "item-ids.txt";

    private final ExperimentListener delegate;
    private final Path models;

    ModelSaver(ExperimentListener delegate, Path runDirectory, IdIndex users, IdIndex items) throws IOException {
        this.delegate = delegate;
        this.models = runDirectory.resolve("models");
        Files.createDirectories(models);
        writeIds(models.resolve(USER_IDS), users);
        writeIds(models.resolve(ITEM_IDS), items);
    }

    private static void writeIds(Path file, IdIndex ids) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            text.append(ids.idOf(i)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** A directory name for a point, e.g. {@code bloom-xxh64-r0.4-k2-both-0}. */
    static String directoryName(GridPoint p) {
        String name = p.baseline() ? "plain-" + p.repeat() : p.compressor() + "-" + (p.hash() == null ? "nohash"
                : p.hash()) + "-r" + p.ratio() + "-k" + p.hashes() + "-" + p.sides().specName() + "-" + p.repeat();
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        delegate.started(points, skipped);
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        return delegate.pointStarted(point, index, total);
    }

    @Override
    public void modelFitted(GridPoint point, TrainedModel model) throws IOException {
        model.save(models.resolve(directoryName(point)));
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        delegate.pointFinished(row, index, total);
    }
}
