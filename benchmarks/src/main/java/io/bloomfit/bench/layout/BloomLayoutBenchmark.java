package io.bloomfit.bench.layout;


import io.bloomfit.api.embed.EmbeddingCompressor;
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
 * Time to build a {@code bloom} layout for 10 million entities with k = 4 (issue goal: under 1 s on 2 cores for
 * xxh3 and xxh64). Each operation builds the whole layout; the build uses the common ForkJoin pool (all cores).
 * {@link CollisionStatsBenchmark} times the statistics of the same layout.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class BloomLayoutBenchmark {

    @Param({"10000000"})
    int entities;

    @Param({"4"})
    int k;

    @Param({"0.1"})
    double ratio;

    @Param({"xxh3", "xxh64", "murmur3_32"})
    String hash;

    private EmbeddingCompressor bloom;
    private LayoutRequest request;

    @Setup
    public void setUp() {
        bloom = EmbeddingCompressors.forName("bloom");
        request = new LayoutRequest(entities, 32, ratio, k, hash, 42);
    }

    /** Hashing n * k keys, reducing them to rows and validating the layout. */
    @Benchmark
    public EmbeddingLayout build() {
        return EmbeddingCompressors.layout(bloom, request);
    }
}
