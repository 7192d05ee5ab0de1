package io.bloomfit.bench.eval;

import io.bloomfit.eval.UserRanking;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * Cost of the per-user metric pass ({@link UserRanking}) over one row of 50,000 scores with 40 training and 10 test
 * items; the scoring itself is excluded. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar UserRankingBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UserRankingBenchmark {

    @Param({"50000"})
    int items;

    private float[] scores;
    private int[] train;
    private int[] test;
    private UserRanking ranking;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(1);
        scores = new float[items];
        for (int i = 0; i < items; i++) {
            scores[i] = (float) rng.nextGaussian();
        }
        int[] picked = rng.ints(0, items).distinct().limit(50).toArray();
        train = Arrays.copyOfRange(picked, 0, 40);
        test = Arrays.copyOfRange(picked, 40, 50);
        Arrays.sort(train);
        Arrays.sort(test);
        ranking = new UserRanking(10);
    }

    @Benchmark
    public double rankOneUser() {
        return ranking.rank(scores, train, 0, train.length, test, 0, test.length).reciprocalRank();
    }
}
