import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.*;
import io.bloomfit.bench.train.TrainBenchmark;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.experiment.*;
import io.bloomfit.host.EmbeddingCompressors;

/**
 * Not compiled by the build: a single-file program run against a class path of the packaged CLI's libraries
 * (docs/benchmarks-log.md, "Bloom in hogwild and the fused dense Adam, before and after"). The fits of {@code bloomfit bench
 * train} (synthetic-large, random 80/20 split, BPR, dimension 32, batch 1024, learning rate 0.01, one epoch, after
 * the same warm-up), plain then Bloom 0.2 k=4 murmur3_32, printing wall and process CPU seconds and their ratios.
 * Args: trainer, trainer.threads, repeats, optimizer (default sgd), and any fifth argument to skip plain. Running it
 * against two class paths (a build before and after a change) compares the two on a shared machine by CPU seconds.
 */
public class BloomPlainRatio {
    public static void main(String[] a) {
        Trainer trainer = Trainers.forName(a[0]);
        int threads = Integer.parseInt(a[1]);
        int reps = Integer.parseInt(a[2]);
        String opt = a.length > 3 ? a[3] : "sgd";
        var described = DatasetPreparer.describe("synthetic-large", DatasetFormat.fromName("auto"));
        var data = DatasetPreparer.prepare(described.spec(), SplitSpec.random(0.2, 42)).data();
        int users = data.train().numUsers(), items = data.train().numItems();
        ModelSpec spec = new ModelSpec(new ModelArchitecture(ModelKind.IMPLICIT_FACTORIZATION, Loss.BPR, 32, false,
                NetworkSpec.defaults()),
                new Optimization(OptimizerKind.fromSpec(opt), 0.01, 0, 1, 1024, Negatives.uniform(5), 1),
                new TrainerSettings(DeviceChoice.CPU, threads, PluginOptions.NONE));
        TrainerWarmUp.run(trainer, spec, data.train(), EmbeddingCompressors.forName("plain"));
        for (int r = 0; r < reps; r++) {
            double[] w = new double[2], c = new double[2];
            for (int l = (a.length > 4 ? 1 : 0); l < 2; l++) {
                boolean plain = l == 0;
                var cmp = EmbeddingCompressors.forName(plain ? "plain" : "bloom");
                var u = EmbeddingCompressors.layout(cmp, plain ? LayoutRequest.plain(users, 32) : new LayoutRequest(users, 32, 0.2, 4, "murmur3_32", 1));
                var i = EmbeddingCompressors.layout(cmp, plain ? LayoutRequest.plain(items, 32) : new LayoutRequest(items, 32, 0.2, 4, "murmur3_32", 1));
                var t = TrainBenchmark.time(trainer, new FitRequest(spec, data.train(), u, i), 0);
                w[l] = t.report().secondsPerEpoch()[0];
                c[l] = t.cpuSeconds();
            }
            System.out.printf("%s %s t=%d rep %d: plain %.3f s (cpu %.3f), bloom %.3f s (cpu %.3f): bloom/plain wall %.2fx cpu %.2fx%n",
                    a[0], opt, threads, r, w[0], c[0], w[1], c[1], w[1] / w[0], c[1] / c[0]);
        }
    }
}
