package io.bloomfit.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.data.DatasetSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetPreparerTest {

    @Test
    void aFileWhoseNameSaysNothingIsReadInTheFormatItsFirstLineHas(@TempDir Path dir) throws Exception {
        Path tabs = Files.writeString(dir.resolve("probe"), "1\t2\t3\t4\n2\t3\t4\t5\n");
        DatasetPreparer.Described d = DatasetPreparer.describe(tabs.toString(), DatasetFormat.AUTO);
        assertThat(d.spec().source()).isEqualTo(DatasetSource.MOVIELENS);
        assertThat(d.format()).startsWith("movielens u.data layout (detected from the content");
        assertThat(DatasetPreparer.load(d.spec()).numInteractions()).isEqualTo(2);

        Path colons = Files.writeString(dir.resolve("export.txt"), "1::2::3::4\n");
        assertThat(DatasetPreparer.describe(colons.toString(), DatasetFormat.AUTO).format())
                .startsWith("movielens ratings.dat layout");

        Path csv = Files.writeString(dir.resolve("clicks.csv"), "userId,movieId\n1,2\n");
        assertThat(DatasetPreparer.describe(csv.toString(), DatasetFormat.AUTO).format())
                .startsWith("movielens ratings.csv layout");
        Path other = Files.writeString(dir.resolve("other.csv"), "user,item\n1,2\n");
        DatasetPreparer.Described generic = DatasetPreparer.describe(other.toString(), DatasetFormat.AUTO);
        assertThat(generic.spec().source()).isEqualTo(DatasetSource.CSV);
        assertThat(generic.format()).startsWith("csv");

        assertThat(DatasetPreparer.describe(tabs.toString(), DatasetFormat.CSV).spec().source())
                .isEqualTo(DatasetSource.CSV);
        assertThat(DatasetPreparer.describe(other.toString(), DatasetFormat.MOVIELENS).spec().source())
                .isEqualTo(DatasetSource.MOVIELENS);
        assertThatThrownBy(() -> DatasetFormat.fromName("xml")).hasMessageContaining("auto, movielens, csv");
    }
}
