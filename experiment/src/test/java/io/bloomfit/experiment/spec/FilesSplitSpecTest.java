package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.data.SplitKind;
import io.bloomfit.experiment.DatasetPreparer;
import io.bloomfit.experiment.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesSplitSpecTest {

    private static String spec(String dataset, String split) {
        return Fixtures.SPEC.replace("dataset: {source: synthetic, preset: synthetic-ml100k}", "dataset: " + dataset)
                .replace("split: {kind: random, test: 0.2, seed: 42}", "split: " + split);
    }

    @Test
    void partFilesBindWithTheDatasetsFormatAndAreWrittenBackAsPaths(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("u1.base"), "1\t10\t5\t1\n1\t11\t3\t2\n2\t10\t4\t3\n");
        Path test = Files.writeString(dir.resolve("u1.test"), "1\t12\t4\t4\n2\t11\t5\t5\n3\t10\t5\t6\n");
        ExperimentSpec spec = Fixtures.read(spec("{source: movielens}",
                "{kind: files, train: '" + train + "', test: '" + test + "'}"), "files.yaml");
        assertThat(spec.split().kind()).isEqualTo(SplitKind.FILES);
        assertThat(spec.split().files().train()).isEqualTo(train.toString());
        assertThat(spec.split().files().validation()).isNull();
        assertThat(spec.source()).contains("\"kind\" : \"files\"", "\"test\" : \"" + test + "\"",
                "\"train\" : \"" + train + "\"");

        DatasetPreparer.Prepared prepared = DatasetPreparer.prepare(spec.dataset(), spec.split());
        // users 1, 2 and items 10, 11 from u1.base; (1, 12) has an unseen item and (3, 10) an unseen user
        assertThat(prepared.data().train().size()).isEqualTo(3);
        assertThat(prepared.data().test().size()).isEqualTo(1);
        assertThat(prepared.dataset().userIds().idOf(prepared.data().test().user(0))).isEqualTo("2");
        assertThat(prepared.data().description()).contains("2 test pairs with a user or item not in train left out");
    }

    @Test
    void everyProblemOfAFilesSplitIsReportedAtItsField(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "userId,movieId\na,x\n");
        assertThatThrownBy(() -> Fixtures.read(spec("{source: synthetic}",
                "{kind: files, train: '" + train + "', validation: 0.1}"), "files.yaml"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        new SpecProblem("split.test", "split kind files needs test: PATH, the test part in a format "
                                + "the dataset section describes (e.g. MovieLens 100K's u1.test)"),
                        new SpecProblem("split.validation", "split kind files takes the validation part's file path,"
                                + " found the number 0.1"),
                        new SpecProblem("split.kind", "split kind files reads part files: set dataset.source to "
                                + "movielens or csv (with its column options) to say how they are read")));
        assertThatThrownBy(() -> Fixtures.read(spec("{source: csv}",
                "{kind: files, train: '" + train + "', test: '" + dir.resolve("missing.csv") + "'}"), "files.yaml"))
                .isInstanceOf(SpecException.class).hasMessageContaining("split.test")
                .hasMessageContaining("cannot read '" + dir.resolve("missing.csv") + "': no such file");
        assertThatThrownBy(() -> Fixtures.read(spec("{source: synthetic}",
                "{kind: random, test: '" + train + "', train: '" + train + "'}"), "files.yaml"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.problems()).extracting(SpecProblem::path)
                        .containsExactlyInAnyOrder("split.test", "split.train"));
    }
}
