package io.bloomfit.bench.layout;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Time to compute {@link EmbeddingLayout#collisionStats()} of a {@code bloom} layout of 10 million entities,
 * k = 4. A layout caches its statistics, so each operation wraps the same index arrays in a fresh layout: the
 * time includes {@code EmbeddingLayout.of}'s range check (one parallel pass over the rows).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class CollisionStatsBenchmark {

    @Param({"10000000"})
    int entities;

    @Param({"4"})
    int k;

    @Param({"0.1"})
    double ratio;

    private EmbeddingLayout built;
    private int[] rows;

    @Setup
    public void setUp() {
        built = EmbeddingCompressors.layout("bloom", new LayoutRequest(entities, 32, ratio, k, "xxh3", 42));
        rows = new int[entities * k];
        for (int e = 0; e < entities; e++) {
            for (int j = 0; j < k; j++) {
                rows[e * k + j] = built.row(e, j);
            }
        }
    }

    @Benchmark
    public CollisionStats collisionStats() {
        return CollisionStats.of(EmbeddingLayout.of(built.compressor(), built.request(), built.tableRowCounts(),
                new int[built.numLookups()], rows, null, built.combiner()));
    }
}
