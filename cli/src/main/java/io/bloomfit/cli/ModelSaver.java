package io.bloomfit.cli;

import io.bloomfit.data.IdIndex;
import io.bloomfit.experiment.ExperimentListener;
import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.ResultRow;
import io.bloomfit.experiment.store.RunDirectory;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.data.UserItems;
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
 * {@code bloomfit recommend} answers in the source's ids, and the training split's items of each user
 * ({@code train-items.tsv}, format in {@link RunDirectory#TRAIN_ITEMS}), so it leaves out what a user already has
 * (names: {@link RunDirectory}).
 */
final class ModelSaver implements ExperimentListener {

    private final ExperimentListener delegate;
    private final RunDirectory run;

    ModelSaver(ExperimentListener delegate, RunDirectory run, IdIndex users, IdIndex items,
            Interactions train) throws IOException {
        this.delegate = delegate;
        this.run = run;
        Files.createDirectories(run.models());
        writeIds(run.userIds(), users);
        writeIds(run.itemIds(), items);
        writeTrainItems(run.models().resolve(RunDirectory.TRAIN_ITEMS), train.userItems());
    }

    private static void writeTrainItems(Path file, UserItems userItems) throws IOException {
        StringBuilder text = new StringBuilder();
        int[] all = userItems.items();
        for (int u = 0; u < userItems.numUsers(); u++) {
            for (int j = userItems.start(u); j < userItems.end(u); j++) {
                if (j > userItems.start(u)) {
                    text.append('\t');
                }
                text.append(all[j]);
            }
            text.append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void writeIds(Path file, IdIndex ids) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            text.append(ids.idOf(i)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
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
        model.save(run.model(point));
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        delegate.pointFinished(row, index, total);
    }

    @Override
    public void pointCancelled(GridPoint point, int index, int total) {
        delegate.pointCancelled(point, index, total);
    }

    @Override
    public void note(String message) {
        delegate.note(message);
    }
}
