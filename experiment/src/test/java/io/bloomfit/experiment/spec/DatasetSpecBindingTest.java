package io.bloomfit.experiment.spec;

import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetSpec;
import io.bloomfit.data.SplitSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset and split sections of a spec, bound from YAML as {@link SpecReader} binds them. */
class DatasetSpecBindingTest {

    @TempDir
    Path dir;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void syntheticPresetAndCustomSizesFromYaml() throws Exception {
        Dataset preset = yaml.readValue("{source: synthetic, preset: synthetic-ml100k, seed: 3}", DatasetSpec.class)
                .load();
        assertThat(preset.numUsers()).isEqualTo(943);
        Dataset custom = yaml.readValue("{source: synthetic, users: 50, items: 40, interactions: 500, rank: 4}",
                DatasetSpec.class).load();
        assertThat(custom.numInteractions()).isEqualTo(500);
        assertThatThrownBy(() -> yaml.readValue("{source: synthetic, users: 50}", DatasetSpec.class).load())
                .hasMessageContaining("needs users, items and interactions");
    }

    @Test
    void csvAndMovieLensByPath() throws Exception {
        Path tsv = dir.resolve("clicks.tsv");
        Files.writeString(tsv, "uid\tsku\tts\nA\tX\t5\nB\tX\t6\nA\tY\t7\n");
        DatasetSpec csv = yaml.readValue("{source: csv, path: '" + tsv + "', delimiter: \"\\t\", user: uid,"
                + " item: sku, timestamp: ts}", DatasetSpec.class);
        Dataset d = csv.load();
        assertThat(d.name()).isEqualTo("clicks.tsv");
        assertThat(d.numUsers()).isEqualTo(2);
        assertThat(d.numItems()).isEqualTo(2);
        assertThat(d.interactions().hasTimestamps()).isTrue();

        Path udata = dir.resolve("ml-100k/u.data");
        Files.createDirectories(udata.getParent());
        Files.writeString(udata, "1\t2\t5\t9\n1\t3\t2\t9\n");
        Dataset ml = new DatasetSpec("movielens", null, udata.getParent().toString(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, 4.0, null).load();
        assertThat(ml.numInteractions()).isEqualTo(1);
        assertThat(ml.name()).isEqualTo("ml-100k");
    }

    @Test
    void unknownSourceNamesTheChoices() {
        assertThatThrownBy(() -> yaml.readValue("{source: parquet}", DatasetSpec.class))
                .hasMessageContaining("synthetic, movielens, csv");
    }

    @Test
    void specReadsFromYamlAsExperimentSpecsWriteIt() throws Exception {
                SplitSpec spec = yaml.readValue("{kind: random, test: 0.2, seed: 42}", SplitSpec.class);
        assertThat(spec).isEqualTo(SplitSpec.random(0.2, 42));
        SplitSpec last = yaml.readValue("{kind: leave-last-out, validation: 0.5}", SplitSpec.class);
        assertThat(last.kind()).isEqualTo("leave-last-out");
        assertThat(last.validation()).isEqualTo(0.5);
    }
}
