package io.bloomfit.experiment.keep;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.data.IdIndex;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kept models written and read back: the id maps and training items beside the models, and top-k in source ids
 * without the user's training items. Expected values are worked out by hand from the small data below.
 */
class KeptModelsTest {

    /** Users u7, u3, u9 and items a..e; u7 trained on c and a, u3 on nothing, u9 on e. */
    private static final IdIndex USERS = IdIndex.of("u7", "u3", "u9");
    private static final IdIndex ITEMS = IdIndex.of("a", "b", "c", "d", "e");
    private static final Interactions TRAIN = new Interactions(3, 5, new int[] {0, 2, 0}, new int[] {2, 4, 0}, null,
            null);

    /** Scores every user the same way: a 5.0, b 1.0, c 4.0, d 2.0, e 3.0 (so the full order is a c e d b). */
    private static final float[] SCORES = {5f, 1f, 4f, 2f, 3f};

    private static final GridPoint PLAIN = new GridPoint("plain", null, 1.0, 0, Sides.NONE, 0, 1);

    @Test
    void theIdMapsAndTrainingItemsAreWrittenOneLinePerIndex(@TempDir Path dir) throws IOException {
        KeptModels kept = KeptModels.create(dir.resolve("models"), USERS, ITEMS, TRAIN.userItems());
        assertThat(Files.readString(dir.resolve("models/user-ids.txt"))).isEqualTo("u7\nu3\nu9\n");
        assertThat(Files.readString(dir.resolve("models/item-ids.txt"))).isEqualTo("a\nb\nc\nd\ne\n");
        // ascending within a user, an empty line for a user without training items
        assertThat(Files.readString(dir.resolve("models/train-items.tsv"))).isEqualTo("0\t2\n\n4\n");
        assertThat(kept.model(PLAIN)).isEqualTo(dir.resolve("models/plain-0"));
        assertThat(KeptModels.names(dir.resolve("models"))).isEmpty();
        assertThat(KeptModels.names(dir.resolve("nowhere"))).isEmpty();
    }

    @Test
    void savedModelsAreListedByTheirPointNames(@TempDir Path dir) throws IOException {
        KeptModels kept = KeptModels.create(dir, USERS, ITEMS, TRAIN.userItems());
        GridPoint bloom = new GridPoint("bloom", "xxh64", 0.5, 2, Sides.BOTH, 1, 9);
        kept.save(bloom, new FixedScores(3, SCORES));
        kept.save(PLAIN, new FixedScores(3, SCORES));
        assertThat(KeptModels.names(dir)).containsExactly("bloom-xxh64-r0.5-k2-both-1", "plain-0");
        assertThat(dir.resolve("plain-0/scores.txt")).exists();
    }

    @Test
    void recommendationsAreInSourceIdsWithoutTheTrainingItems(@TempDir Path dir) throws IOException {
        KeptModels.create(dir, USERS, ITEMS, TRAIN.userItems()).save(PLAIN, new FixedScores(3, SCORES));
        KeptModel kept = KeptModel.read(dir.resolve("plain-0"));
        TrainedModel model = new FixedScores(3, SCORES);
        assertThat(kept.hasTrainItems()).isTrue();
        // u7 has a and c: the rest in score order e (3), d (2), b (1)
        assertThat(kept.recommend(model, "u7", 10, false)).containsExactly(new Recommendation(1, "e", 3f),
                new Recommendation(2, "d", 2f), new Recommendation(3, "b", 1f));
        assertThat(kept.recommend(model, "u7", 2, false)).extracting(Recommendation::item).containsExactly("e", "d");
        assertThat(kept.recommend(model, "u7", 2, true)).extracting(Recommendation::item).containsExactly("a", "c");
        // u3 has none, u9 has e
        assertThat(kept.recommend(model, "u3", 3, false)).extracting(Recommendation::item)
                .containsExactly("a", "c", "e");
        assertThat(kept.recommend(model, "u9", 3, false)).extracting(Recommendation::item)
                .containsExactly("a", "c", "d");
        assertThat(kept.trainItems(0, 3, 5)).containsExactly(0, 2);
    }

    @Test
    void anUnknownUserOrKIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        KeptModels.create(dir, USERS, ITEMS, TRAIN.userItems());
        Files.createDirectories(dir.resolve("plain-0"));
        KeptModel kept = KeptModel.read(dir.resolve("plain-0"));
        TrainedModel model = new FixedScores(3, SCORES);
        assertThatThrownBy(() -> kept.recommend(model, "u8", 3, false)).isInstanceOf(UnknownUserException.class)
                .hasMessage("user 'u8' is not in " + dir.resolve("user-ids.txt") + " (3 users)");
        // an id map holds ids, not indices
        assertThatThrownBy(() -> kept.recommend(model, "0", 3, false)).isInstanceOf(UnknownUserException.class);
        assertThatThrownBy(() -> kept.recommend(model, "u7", 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k must be at least 1, was 0");
    }

    @Test
    void withoutIdMapsUsersAndItemsAreIndicesAndNothingIsLeftOut(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("m"));
        KeptModel kept = KeptModel.read(dir.resolve("m"));
        TrainedModel model = new FixedScores(3, SCORES);
        assertThat(kept.hasTrainItems()).isFalse();
        assertThat(kept.recommend(model, "2", 2, false)).extracting(Recommendation::item).containsExactly("0", "2");
        UnknownUserException e = org.junit.jupiter.api.Assertions.assertThrows(UnknownUserException.class,
                () -> kept.recommend(model, "3", 2, false));
        assertThat(e.userIds()).isNull();
        assertThat(e).hasMessage("user '3': without an id map the user is an index in 0..2");
    }

    @Test
    void trainingItemsThatDoNotFitTheModelAreReported(@TempDir Path dir) throws IOException {
        KeptModels.create(dir, USERS, ITEMS, TRAIN.userItems());
        Files.createDirectories(dir.resolve("plain-0"));
        TrainedModel model = new FixedScores(3, SCORES);
        Files.writeString(dir.resolve("train-items.tsv"), "0\t2\n\n");
        KeptModelException lines = org.junit.jupiter.api.Assertions.assertThrows(KeptModelException.class,
                () -> KeptModel.read(dir.resolve("plain-0")).recommend(model, "u7", 2, false));
        assertThat(lines.lineCount()).isTrue();
        assertThat(lines).hasMessageContaining("has 2 lines but the model has 3 users");
        Files.writeString(dir.resolve("train-items.tsv"), "0\t7\n\n4\n");
        KeptModelException entry = org.junit.jupiter.api.Assertions.assertThrows(KeptModelException.class,
                () -> KeptModel.read(dir.resolve("plain-0")).recommend(model, "u7", 2, false));
        assertThat(entry.lineCount()).isFalse();
        assertThat(entry).hasMessage("train-items.tsv line 1: '7' is not an item index in 0..4");
        // leaving nothing out does not read the file
        assertThat(KeptModel.read(dir.resolve("plain-0")).recommend(model, "u7", 1, true)).hasSize(1);
    }

    /** A model whose scores are given: every user scores item {@code i} as {@code scores[i]}. */
    private record FixedScores(int numUsers, float[] scores) implements TrainedModel {

        @Override
        public int numItems() {
            return scores.length;
        }

        @Override
        public float[][] scoreAll(int[] users) {
            float[][] out = new float[users.length][];
            Arrays.setAll(out, i -> scores.clone());
            return out;
        }

        @Override
        public float[] score(int user, int[] items) {
            float[] out = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = scores[items[i]];
            }
            return out;
        }

        @Override
        public int[] recommend(int user, int k, int[] exclude) {
            List<Integer> items = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                int item = i;
                if (Arrays.stream(exclude).noneMatch(e -> e == item)) {
                    items.add(i);
                }
            }
            items.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
            return items.stream().limit(k).mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void save(Path directory) throws IOException {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("scores.txt"), Arrays.toString(scores));
        }

        @Override
        public FitReport report() {
            throw new UnsupportedOperationException("not fitted");
        }

        @Override
        public void close() {
        }
    }
}
