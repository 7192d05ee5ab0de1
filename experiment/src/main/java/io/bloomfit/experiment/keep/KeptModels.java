package io.bloomfit.experiment.keep;

import io.bloomfit.experiment.store.RunDirectory;
import io.bloomfit.api.data.UserItems;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.data.IdIndex;
import io.bloomfit.experiment.grid.GridPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A folder of kept models, written by {@code bloomfit run --save-models} (or {@code keepModels: true}) into
 * {@code DIR/models/} and by the server into {@code models/<experiment>/} of its data directory: one folder per
 * fitted point, named by {@link RunDirectory#modelName(GridPoint)}, beside the dataset's id maps
 * ({@link RunDirectory#USER_IDS}, {@link RunDirectory#ITEM_IDS}: one source id per line in index order) and the
 * training split's items of each user ({@link RunDirectory#TRAIN_ITEMS}), so a model recommends in source ids and
 * leaves out what a user already has ({@link KeptModel} reads them back).
 */
public final class KeptModels {

    private final Path folder;

    private KeptModels(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates {@code folder} (when missing) and writes the id maps and training items into it, replacing earlier
     * ones (a resumed run loads the same data, so they are the same).
     */
    public static KeptModels create(Path folder, IdIndex users, IdIndex items, UserItems train) throws IOException {
        Objects.requireNonNull(folder, "folder");
        if (train.numUsers() != users.size()) {
            throw new IllegalArgumentException("the training split has " + train.numUsers() + " users, the id map "
                    + users.size());
        }
        Files.createDirectories(folder);
        writeIds(folder.resolve(RunDirectory.USER_IDS), users);
        writeIds(folder.resolve(RunDirectory.ITEM_IDS), items);
        writeTrainItems(folder.resolve(RunDirectory.TRAIN_ITEMS), train);
        return new KeptModels(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Where the model of {@code point} is (or would be) kept. */
    public Path model(GridPoint point) {
        return folder.resolve(RunDirectory.modelName(point));
    }

    /** Saves the model of {@code point} into its folder, replacing an earlier one. */
    public void save(GridPoint point, TrainedModel model) throws IOException {
        model.save(model(point));
    }

    /**
     * The names of the models kept in {@code folder} (its sub-folders), sorted; none when the folder does not
     * exist.
     */
    public static List<String> names(Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, Files::isDirectory)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        }
        names.sort(null);
        return names;
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
}
