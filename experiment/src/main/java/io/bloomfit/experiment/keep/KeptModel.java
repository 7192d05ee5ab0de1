package io.bloomfit.experiment.keep;

import io.bloomfit.experiment.store.RunDirectory;
import io.bloomfit.api.train.TrainedModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The files kept beside one saved model ({@link KeptModels}): the id maps and the training items, looked for in
 * the model's folder first, then in the folder above it (where {@link KeptModels} writes them). Each is optional:
 * without {@link RunDirectory#USER_IDS} users are dense indices, without {@link RunDirectory#ITEM_IDS} items are,
 * and without {@link RunDirectory#TRAIN_ITEMS} nothing can be left out ({@link #hasTrainItems()}). Immutable once
 * read, so one instance may serve several threads.
 */
public final class KeptModel {

    private final Path modelDir;
    private final List<String> userIds;
    private final Map<String, Integer> userIndex;
    private final List<String> itemIds;
    private final List<String> trainItems;

    private KeptModel(Path modelDir, List<String> userIds, List<String> itemIds, List<String> trainItems) {
        this.modelDir = modelDir;
        this.userIds = userIds;
        this.itemIds = itemIds;
        this.trainItems = trainItems;
        if (userIds == null) {
            this.userIndex = null;
        } else {
            Map<String, Integer> index = new HashMap<>();
            for (int i = userIds.size() - 1; i >= 0; i--) {
                index.put(userIds.get(i), i); // the first line of an id wins, as indexOf would
            }
            this.userIndex = index;
        }
    }

    /** Reads the files kept beside the model in {@code modelDir} (the model itself is loaded by its trainer). */
    public static KeptModel read(Path modelDir) throws IOException {
        Objects.requireNonNull(modelDir, "modelDir");
        return new KeptModel(modelDir, lines(modelDir, RunDirectory.USER_IDS), lines(modelDir, RunDirectory.ITEM_IDS),
                lines(modelDir, RunDirectory.TRAIN_ITEMS));
    }

    /** Whether the training items were kept, so {@link #recommend} can leave them out. */
    public boolean hasTrainItems() {
        return trainItems != null;
    }

    /** Where the user id map is (or would be): beside the model folder. */
    public Path userIdsFile() {
        return modelDir.resolveSibling(RunDirectory.USER_IDS);
    }

    /**
     * The dense index of {@code user}: its line in the id map, or, without a map, the user read as an index.
     *
     * @throws UnknownUserException when the model does not know the user
     */
    public int userIndex(String user, int numUsers) {
        if (userIndex != null) {
            Integer index = userIndex.get(user);
            if (index == null) {
                throw new UnknownUserException(user, userIdsFile(), userIds.size());
            }
            return index;
        }
        try {
            int index = Integer.parseInt(user);
            if (index >= 0 && index < numUsers) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UnknownUserException(user, null, numUsers);
    }

    /**
     * The training items of user {@code index} (item indices); none when the training items were not kept.
     *
     * @throws KeptModelException when the file does not fit the model (line count, or an entry that is not one of
     *                            its item indices)
     */
    public int[] trainItems(int index, int numUsers, int numItems) {
        if (trainItems == null) {
            return new int[0];
        }
        if (trainItems.size() != numUsers) {
            throw new KeptModelException(RunDirectory.TRAIN_ITEMS + " beside " + modelDir + " has "
                    + trainItems.size() + " lines but the model has " + numUsers + " users", true);
        }
        String line = trainItems.get(index);
        if (line.isEmpty()) {
            return new int[0];
        }
        String[] fields = line.split("\t", -1);
        int[] items = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            try {
                items[i] = Integer.parseInt(fields[i]);
            } catch (NumberFormatException e) {
                items[i] = -1;
            }
            if (items[i] < 0 || items[i] >= numItems) {
                throw new KeptModelException(RunDirectory.TRAIN_ITEMS + " line " + (index + 1) + ": '" + fields[i]
                        + "' is not an item index in 0.." + (numItems - 1), false);
            }
        }
        return items;
    }

    /** The source id of item {@code index}, or the index as text without an id map. */
    public String itemId(int index) {
        return itemIds != null && index < itemIds.size() ? itemIds.get(index) : Integer.toString(index);
    }

    /**
     * The {@code k} best items of {@code model} for {@code user} (a source id), best first with their scores,
     * leaving out the user's training items unless {@code includeSeen}; fewer when fewer items remain.
     *
     * @throws IllegalArgumentException when {@code k < 1}
     * @throws UnknownUserException     when the model does not know the user
     * @throws KeptModelException       when the training items do not fit the model
     */
    public List<Recommendation> recommend(TrainedModel model, String user, int k, boolean includeSeen) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        int index = userIndex(user, model.numUsers());
        int[] seen = includeSeen ? new int[0] : trainItems(index, model.numUsers(), model.numItems());
        int[] items = model.recommend(index, Math.min(k, model.numItems()), seen);
        float[] scores = model.score(index, items);
        List<Recommendation> result = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            result.add(new Recommendation(i + 1, itemId(items[i]), scores[i]));
        }
        return result;
    }

    private static List<String> lines(Path modelDir, String file) throws IOException {
        for (Path candidate : new Path[] {modelDir.resolve(file), modelDir.resolveSibling(file)}) {
            if (Files.isRegularFile(candidate)) {
                return List.copyOf(Files.readAllLines(candidate, StandardCharsets.UTF_8));
            }
        }
        return null;
    }
}
