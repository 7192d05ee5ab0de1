package io.bloomfit.engine.cpu;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.train.*;
import io.bloomfit.data.RandomSplit;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.eval.Evaluator;
import org.junit.jupiter.api.Test;

class ScratchGridTest {
    static double[] parse(String k, String d) { return java.util.Arrays.stream(System.getProperty(k, d).split(",")).mapToDouble(Double::parseDouble).toArray(); }
    @Test
    void grid() {
        Interactions[] split = RandomSplit.split(SyntheticDatasets.preset("synthetic-ml100k").interactions(), 0.2, 42);
        Interactions[] val = RandomSplit.split(split[0], 0.2, 7);
        Evaluator ev = new Evaluator();
        String[] opt = System.getProperty("grid.opt", "sgd").split(",");
        for (String o : opt)
        for (double lr : parse("grid.lr", "0.05,0.1,0.2")) {
            for (double l2 : parse("grid.l2", "1e-2,3e-2,1e-1")) {
                StringBuilder sb = new StringBuilder();
                for (int epochs : new int[] {10, 20, 40}) {
                    ModelSpec spec = new ModelSpec(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32, epochs, 256, lr, l2, 5,
                            OptimizerKind.fromSpec(o), 1, DeviceChoice.CPU, 1, false);
                    long t0 = System.nanoTime();
                    try (TrainedModel m = new HogwildTrainer().fit(CpuTrainerTest.plain(spec, val[0]), TrainingListener.NONE)) {
                        sb.append(String.format(" e%d %.4f (%.1fs)", epochs, ev.evaluate(m, val[0], val[1]).mrr(), (System.nanoTime()-t0)/1e9));
                    }
                }
                System.out.printf("%s lr %.3f l2 %.0e:%s%n", o, lr, l2, sb);
            }
        }
    }
}
