package io.bloomfit.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryEstimateTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void aLayoutCountsItsRowIndicesAndItsStatistics() {
        // 1000 entities, k 2, 500 rows: indices 4 * 1000 * 2 = 8000; statistics 16 * 1000 + 4 * 500 * cores
        MemoryEstimate e = MemoryEstimate.layout(1000, 2, 500);
        assertThat(e.bytes()).isEqualTo(8000 + 16_000 + 2000L * CORES);
        assertThat(e.parts()).hasSize(2).first().asString().isEqualTo("row indices 7.8 kB");
    }

    @Test
    void aLayoutTooBigForTheHeapIsRefusedWithTheEstimateTheHeapAndTheFix() {
        // the issue's `layout -n 2000000000 -r 0.2 -k 1`: indices alone 4 * 2e9 = 8e9 bytes = 7.45 GB
        MemoryEstimate e = MemoryEstimate.layout(2_000_000_000L, 1, 400_000_000L);
        assertThat(e.parts().get(0)).isEqualTo("row indices 7.5 GB");
        assertThat(e.bytes()).isGreaterThan(Runtime.getRuntime().maxMemory());
        assertThatThrownBy(() -> e.requireFits("a bloom layout", "a smaller -r"))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessageStartingWith("a bloom layout needs about ")
                .hasMessageContaining("(row indices 7.5 GB, collision statistics ")
                .hasMessageContaining("is available (maximum heap ")
                .hasMessageContaining("give the JVM more with JAVA_OPTS=-Xmx")
                .hasMessageEndingWith("g, or use a smaller -r");
        MemoryEstimate.layout(1000, 2, 500).requireFits("small", "-"); // fits: no exception
    }

    @Test
    void oneArrayCannotHoldMoreThanJavaAllows() {
        assertThatThrownBy(() -> MemoryEstimate.requireArray("rows", 3e9, "a smaller -k"))
                .isInstanceOf(InsufficientMemoryException.class)
                .hasMessage("rows needs 3,000,000,000 entries in one array, more than a Java array holds "
                        + "(2,147,483,639); use a smaller -k");
        MemoryEstimate.requireArray("rows", 2e9, "-");
    }

    @Test
    void aRunWithAHugeDimensionIsRefusedBeforeAnythingIsAllocated(@TempDir Path dir) {
        // 20,000 users + 30 items at dimension 65536: 16 * (20030 * 65536 + 20030) = 21,003,281,760 bytes
        // = 19.6 GB of model, far above the test heap
        assertThatThrownBy(() -> runner(dir, 20_000)).isInstanceOf(InsufficientMemoryException.class)
                .hasMessageStartingWith("the largest grid point (plain: 20000 users, 30 items, dimension 65536) "
                        + "needs about 19.6 GB")
                .hasMessageContaining("model (tables, biases, optimizer state, gradients; dimension 65536) 19.6 GB")
                .hasMessageContaining("or use a smaller model.dimension");
        // 100,000 x 65536 = 6,553,600,000 floats: more than one Java array holds, whatever the heap
        assertThatThrownBy(() -> runner(dir, 100_000)).isInstanceOf(InsufficientMemoryException.class)
                .hasMessageStartingWith("a model table of 100000 users x dimension 65536 needs 6,553,600,000 "
                        + "entries in one array");
    }

    private static ExperimentRunner runner(Path dir, int users) {
        var few = new io.bloomfit.api.data.Interactions(users, 30, new int[] {0, 1}, new int[] {0, 1}, null, null);
        return new ExperimentRunner(Fixtures.spec("model.dimension=65536"), new ExperimentData(few, few, "few"),
                Fixtures.EVALUATION, new io.bloomfit.experiment.store.DirectoryResultStore(dir), null, 1,
                Fixtures.PLUGINS);
    }
}
