package io.bloomfit.experiment.spec;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetLoadException;
import io.bloomfit.data.DatasetSource;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SplitKind;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.experiment.Fixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset and split sections of a spec, bound from YAML by {@link SpecReader}, and loaded. */
class DatasetSpecBindingTest {

    @TempDir
    Path dir;

    private static DatasetSpec dataset(String yaml) {
        return Fixtures.spec("dataset=" + yaml).dataset();
    }

    @Test
    void syntheticPresetAndCustomSizesFromYaml() {
        Dataset preset = dataset("{source: synthetic, preset: synthetic-ml100k, seed: 3}").load();
        assertThat(preset.numUsers()).isEqualTo(943);
        Dataset custom = dataset("{source: synthetic, users: 50, items: 40, interactions: 500, rank: 4}").load();
        assertThat(custom.numInteractions()).isEqualTo(500);
        assertThatThrownBy(() -> dataset("{source: synthetic, users: 50}")).isInstanceOf(SpecException.class)
                .hasMessageContaining("dataset: a custom synthetic dataset needs users, items and interactions");
        // built without the spec check, the same gap is the user's input error when loading
        DatasetSpec incomplete = new DatasetSpec(DatasetSource.SYNTHETIC, null, null,
                new DatasetSpec.Synthetic(null, null, 50, null, null, null), null, null);
        assertThatThrownBy(incomplete::load).isInstanceOf(DatasetLoadException.class)
                .hasMessageContaining("needs users, items and interactions");
    }

    @Test
    void syntheticSizesThatCannotMakeADatasetAreALoadError() {
        // 10 users with at most half of 4 items each hold at most 20 pairs
        DatasetSpec tooMany = dataset("{source: synthetic, users: 10, items: 4, interactions: 100}");
        assertThatThrownBy(tooMany::load).isInstanceOf(DatasetLoadException.class)
                .hasMessageStartingWith("dataset: synthetic interactions (100) exceed");
    }

    @Test
    void csvAndMovieLensByPath() throws Exception {
        Path tsv = dir.resolve("clicks.tsv");
        Files.writeString(tsv, "uid\tsku\tts\nA\tX\t5\nB\tX\t6\nA\tY\t7\n");
        DatasetSpec csv = dataset("{source: csv, path: '" + tsv + "', delimiter: \"\\t\", user: uid, item: sku,"
                + " timestamp: ts}");
        assertThat(csv.columns()).isEqualTo(new DatasetSpec.Columns("\t", null, "uid", "sku", null, "ts"));
        Dataset d = csv.load();
        assertThat(d.name()).isEqualTo("clicks.tsv");
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(2);
        assertThat(d.interactions().hasTimestamps()).isTrue();

        Path udata = dir.resolve("ml-100k/u.data");
        Files.createDirectories(udata.getParent());
        Files.writeString(udata, "1\t2\t5\t9\n1\t3\t2\t9\n");
        DatasetSpec movielens = dataset("{source: movielens, path: '" + udata.getParent() + "', ratingThreshold: 4}");
        assertThat(movielens.loading()).isEqualTo(new DatasetSpec.Loading(null, 4.0, null));
        Dataset ml = movielens.load();
        assertThat(ml.numInteractions()).isEqualTo(1);
        assertThat(ml.name()).isEqualTo("movielens-100k");
    }

    @Test
    void unknownSourceNamesTheChoices() {
        assertThatThrownBy(() -> DatasetSource.fromSpec("parquet")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset.source: unknown value 'parquet'; expected one of synthetic, movielens, csv");
    }

    @Test
    void splitReadsFromYamlAsExperimentSpecsWriteIt() {
        SplitSpec spec = Fixtures.spec("split={kind: random, test: 0.2, seed: 42}").split();
        assertThat(spec).isEqualTo(SplitSpec.random(0.2, 42));
        SplitSpec last = Fixtures.spec("split={kind: leave-last-out, validation: 0.5}").split();
        assertThat(last.kind()).isEqualTo(SplitKind.LEAVE_LAST_OUT);
        assertThat(last.validation()).isEqualTo(0.5);
    }
}
