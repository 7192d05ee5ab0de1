import io.bloomfit.engine.factorization.step.RowOptimizer;
/**
 * Not compiled by the build: a single-file program run against the packaged CLI's class path (docs/benchmarks.md,
 * "Dense Adam's pass over small tables"). The fused dense Adam's step alone (RowOptimizer DENSE_ADAM, one thread):
 * a table of ROWS rows of 32 floats, LOOKUPS random row lookups per step with random gradients (16 fixed sets,
 * in turn), ITERS steps, five times; prints microseconds per step. Bloom 0.2 k=4 on synthetic-large has tables of
 * 20,000 rows (users, 4,096 lookups per batch of 1024) and 10,000 rows (items, 8,192); plain has 100,000 and 50,000
 * rows with 1,024 and 2,048. Args: ROWS LOOKUPS ITERS.
 */
public class DenseAdamStep {
    public static void main(String[] args) {
        int rows = Integer.parseInt(args[0]);
        int lookups = Integer.parseInt(args[1]);
        int iterations = Integer.parseInt(args[2]);
        int width = 32;
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        float[] start = new float[rows * width];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) random.nextGaussian();
        }
        RowOptimizer adam = RowOptimizer.create(RowOptimizer.Kind.DENSE_ADAM, start, rows, width, 1e-3f);
        adam.threads(1);
        int[][] rowSets = new int[16][lookups];
        for (int[] set : rowSets) {
            for (int i = 0; i < set.length; i++) {
                set[i] = random.nextInt(rows);
            }
        }
        float[] gradients = new float[lookups * width];
        for (int i = 0; i < gradients.length; i++) {
            gradients[i] = (float) random.nextGaussian();
        }
        for (int round = 0; round < 5; round++) {
            long begin = System.nanoTime();
            for (int i = 0; i < iterations; i++) {
                adam.step(rowSets[i & 15], gradients);
            }
            System.out.printf("%d rows %d lookups: %.1f us/step%n", rows, lookups,
                    (System.nanoTime() - begin) / 1e3 / iterations);
        }
    }
}
