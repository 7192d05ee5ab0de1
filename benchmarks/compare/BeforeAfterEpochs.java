import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.OptimizerKind;
import io.bloomfit.host.Trainers;
import java.lang.reflect.Method;

/**
 * Not compiled by the build: run it as a single-file program against a build's class path (docs/benchmarks.md,
 * "Engine split"). Arguments: TrainBenchmark class name of that build, trainer name, and optionally "short"
 * (skip the plain dense row) or "denseplain" (only that row).
 *
 * Before/after driver: calls the TrainBenchmark.epoch(...) of the build on the class path (args[0]: its class name;
 * args[1]: trainer name) on the first 1,000 steps of synthetic-large's training part, best of 3 per row.
 */
public class BeforeAfterEpochs {
    public static void main(String[] args) throws Exception {
        Class<?> bench = Class.forName(args[0]);
        String trainer = args[1];
        Class<?> synth = Class.forName(args[0].startsWith("io.bloomfit.engine") ? "io.bloomfit.api.data.SyntheticDatasets" : "io.bloomfit.data.SyntheticDatasets");
        Object dataset = synth.getMethod("preset", String.class).invoke(null, "synthetic-large");
        Interactions all = (Interactions) dataset.getClass().getMethod("interactions").invoke(dataset);
        Method epoch = null;
        for (Method m : bench.getMethods()) {
            if (m.getName().equals("epoch") && m.getParameterCount() == (trainer.equals("djl") ? 11 : 12)) {
                epoch = m;
            }
        }
        Object[][] rows = {
            {"plain", 1.0, 1, null, OptimizerKind.SPARSE_ADAM, 1000L},
            {"bloom", 0.2, 4, "murmur3_32", OptimizerKind.SPARSE_ADAM, 1000L},
            {"bloom", 0.2, 4, "murmur3_32", OptimizerKind.ADAM, 150L},
            {"plain", 1.0, 1, null, OptimizerKind.ADAM, args.length > 2 && args[2].equals("denseplain") ? 60L : 60L},
        };
        for (Object[] r : rows) {
            if (!trainer.equals("djl") && r[4] == OptimizerKind.ADAM) continue;
            if (args.length > 2 && args[2].equals("short") && r[0].equals("plain") && r[4] == OptimizerKind.ADAM) continue;
            if (args.length > 2 && args[2].equals("denseplain") && !(r[0].equals("plain") && r[4] == OptimizerKind.ADAM)) continue;
            double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
            String line = null;
            for (int rep = 0; rep < 3; rep++) {
                Object[] a = trainer.equals("djl")
                        ? new Object[] {"synthetic-large", all, r[0], r[1], r[2], r[3], r[4], 1024, 32, r[5], 7L}
                        : new Object[] {Trainers.forName(trainer), "synthetic-large", all, r[0], r[1], r[2], r[3], r[4], 1024, 32, r[5], 7L};
                Object t = epoch.invoke(null, a);
                double s = (double) t.getClass().getMethod("secondsPerEpoch").invoke(t);
                double c = (double) t.getClass().getMethod("cpuSecondsPerEpoch").invoke(t);
                best = Math.min(best, s);
                bestCpu = Math.min(bestCpu, c);
            }
            System.out.printf("%s %s %s %s steps %d: best of 3 wall s/epoch %.2f, process CPU s/epoch %.2f%n",
                    args[0].startsWith("io.bloomfit.engine") ? "before" : "after", trainer, r[0], r[4], (long) r[5], best, bestCpu);
        }
    }
}
