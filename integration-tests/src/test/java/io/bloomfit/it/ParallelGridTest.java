package io.bloomfit.it;

import io.bloomfit.experiment.ExperimentRun;
import io.bloomfit.experiment.RunOptions;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.SpecReader;
import io.bloomfit.experiment.store.DirectoryResultStore;
import io.bloomfit.host.Plugins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grid of 8 points on {@code synthetic-ml100k} run with the {@code hogwild} trainer on one thread per fit (its
 * deterministic setting), once with {@code --parallel 1} and once with {@code --parallel 2}: the trainer declares
 * concurrent fits, so two fits overlap in this JVM, and every point must get the MRR it gets when the points run
 * one after another, and record the one thread its fit used. The wall time of the two runs is measured in
 * {@code docs/benchmarks.md}, not here.
 */
class ParallelGridTest {

    private static final String SPEC = """
            name: parallel-grid
            dataset: {source: synthetic, preset: synthetic-ml100k}
            split: {kind: random, test: 0.2, seed: 42}
            model: {kind: implicit-factorization, loss: bpr, dimension: 16, epochs: 2, batchSize: 256,
                    learningRate: 0.05, l2: 1.0e-2, optimizer: sparse-adagrad, seed: 1}
            trainer: {name: hogwild, threads: 1}
            grid: {compressor: [bloom], hash: [xxh64], ratio: [0.2, 0.5, 0.8], hashes: [2], repeats: 2}
            """;

    @Test
    void twoPointsAtOnceGiveTheMrrsOfSequentialRuns(@TempDir Path dir) throws Exception {
        ExperimentSpec spec = SpecReader.read(SPEC, "parallel-grid.yaml", false, "parallel-grid", null, List.of());
        Map<String, Double> sequential = mrrByPoint(spec, dir.resolve("sequential"), 1);
        Map<String, Double> parallel = mrrByPoint(spec, dir.resolve("parallel"), 2);
        // 2 repeats x (plain + bloom at 3 ratios)
        assertThat(sequential).hasSize(8);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.values()).allSatisfy(mrr -> assertThat(mrr).isGreaterThan(0.02));
    }

    private static Map<String, Double> mrrByPoint(ExperimentSpec spec, Path dir, int parallelism) throws Exception {
        List<ResultRow> rows = new ExperimentRun(spec, Plugins.shared(), new RunOptions(parallelism, false, null))
                .run(new DirectoryResultStore(dir), null).rows();
        Map<String, Double> mrr = new TreeMap<>();
        for (ResultRow row : rows) {
            assertThat(row.ok()).as(row.error()).isTrue();
            if (row.point().reference()) {
                continue; // the untrained popularity and random rows: nothing was fitted
            }
            assertThat(row.fit().threads()).isEqualTo(1);
            mrr.put(row.point().key(), row.mrr());
        }
        return mrr;
    }
}
