package io.bloomfit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.eval.EvaluationResult;
import io.bloomfit.eval.Evaluator;
import io.bloomfit.eval.ReferenceMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSplitTest {

    /**
     * A random split of the synthetic data written to two files (ids as the dataset names them, in another order
     * than the original indexes) and read back as {@code kind: files} ranks exactly as the
     * drawn split: same users evaluated, same popularity MRR (it depends on every user's training items and every
     * item's count, so a wrong id mapping shows), and the pairs the drawn split's evaluation excludes as cold start
     * are the ones the files split counts as unseen.
     */
    @Test
    void filesGiveTheSameMrrAsTheEquivalentRandomSplit(@TempDir Path dir) throws IOException {
        Dataset data = SyntheticDatasets.preset("synthetic-ml100k");
        Split drawn = SplitSpec.random(0.2, 42).apply(data.interactions());
        Path train = write(dir.resolve("train.csv"), drawn.train(), data);
        Path test = write(dir.resolve("test.csv"), drawn.test(), data);

        FileSplit files = FileSplit.read(new SplitFiles(train.toString(), test.toString(), null),
                path -> DatasetSpec.csv(path).load());

        Evaluator evaluator = new Evaluator().withThreads(1);
        EvaluationResult expected = evaluator.evaluate(ReferenceMethod.POPULARITY.model(drawn.train(), 0),
                drawn.train(), drawn.test());
        Split read = files.split();
        EvaluationResult actual = evaluator.evaluate(ReferenceMethod.POPULARITY.model(read.train(), 0), read.train(),
                read.test());
        assertThat(actual.usersEvaluated()).isEqualTo(expected.usersEvaluated());
        assertThat(actual.mrr()).isCloseTo(expected.mrr(), within(1e-12));
        assertThat(actual.ndcgAtK()).isCloseTo(expected.ndcgAtK(), within(1e-12));
        assertThat(read.train().size()).isEqualTo(drawn.train().size());
        long cold = 0;
        int[] userCounts = drawn.train().userCounts();
        int[] itemCounts = drawn.train().itemCounts();
        for (int i = 0; i < drawn.test().size(); i++) {
            if (userCounts[drawn.test().user(i)] == 0 || itemCounts[drawn.test().item(i)] == 0) {
                cold++;
            }
        }
        assertThat(files.unseenTest()).isEqualTo(cold);
        assertThat(read.test().size()).isEqualTo(drawn.test().size() - cold);
        assertThat(read.hasValidation()).isFalse();
    }

    /**
     * train: a-x, a-y, b-x (users a, b; items x, y). test: a-z (item z unseen), c-x (user c unseen), b-y (kept).
     * validation: a-y2 (item y2 unseen).
     */
    @Test
    void pairsWithAnIdTrainingNeverSawAreCountedAndLeftOut(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "userId,movieId\na,x\na,y\nb,x\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "userId,movieId\na,z\nc,x\nb,y\n");
        Path validation = Files.writeString(dir.resolve("validation.csv"), "userId,movieId\na,y2\n");
        FileSplit files = FileSplit.read(new SplitFiles(train.toString(), test.toString(), validation.toString()),
                path -> DatasetSpec.csv(path).load());
        Interactions t = files.split().test();
        assertThat(files.unseenTest()).isEqualTo(2);
        assertThat(files.unseenValidation()).isEqualTo(1);
        assertThat(t.size()).isEqualTo(1);
        assertThat(files.dataset().userIds().idOf(t.user(0))).isEqualTo("b");
        assertThat(files.dataset().itemIds().idOf(t.item(0))).isEqualTo("y");
        assertThat(t.numUsers()).isEqualTo(2);
        assertThat(t.numItems()).isEqualTo(2);
        assertThat(files.split().validation().size()).isZero();
        assertThat(files.split().description()).contains("2 test pairs with a user or item not in train left out");
    }

    private static Path write(Path file, Interactions part, Dataset ids) throws IOException {
        StringBuilder out = new StringBuilder("userId,movieId\n");
        // written item-major so the files' first-appearance order differs from the original indexes
        Integer[] order = new Integer[part.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(part.item(a), part.item(b)));
        for (int i : order) {
            out.append(ids.userIds().idOf(part.user(i))).append(',').append(ids.itemIds().idOf(part.item(i)))
                    .append('\n');
        }
        return Files.writeString(file, out);
    }
}
