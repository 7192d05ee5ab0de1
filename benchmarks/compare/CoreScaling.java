/**
 * Not compiled by the build: a single-file program (docs/benchmarks.md, "Parallel fits and what two vCPUs
 * deliver"). How much work N threads get done at once against one thread alone, on this machine, now: each thread
 * runs the same compute-only loop (a 256 KiB float array updated in place, so it stays in the core's own cache and
 * no memory bandwidth is shared), first one thread alone, then N at once, in alternating rounds. Prints each
 * round's throughput ratio (N threads' work per second over one thread's): N on N idle cores that do not slow each
 * other gives N. A grid run with --parallel N can at best take (1 / that ratio) x N of the time of --parallel 1,
 * before any start-up cost that does not parallelise. Args: threads (default 2), rounds (default 5).
 */
public class CoreScaling {
    static volatile float sink;

    static void work(long sweeps) {
        float[] a = new float[64 * 1024];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        for (long r = 0; r < sweeps; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * 0.999f + 1f;
            }
        }
        sink = a[(int) (sweeps & 1023)];
    }

    static double seconds(int threads, long sweeps) throws InterruptedException {
        Thread[] all = new Thread[threads];
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            all[t] = new Thread(() -> work(sweeps));
            all[t].start();
        }
        for (Thread t : all) {
            t.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long sweeps = 200_000;
        seconds(threads, 2_000); // compile the loop before timing it
        for (int r = 1; r <= rounds; r++) {
            double one = seconds(1, sweeps);
            double many = seconds(threads, sweeps);
            System.out.printf("round %d: 1 thread %.3f s, %d threads %.3f s for %dx the work: throughput %.2fx%n",
                    r, one, threads, many, threads, threads * one / many);
        }
    }
}
