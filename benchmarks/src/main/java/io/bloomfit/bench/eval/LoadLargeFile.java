package io.bloomfit.bench.eval;

import io.bloomfit.data.Dataset;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.data.MovieLensLoader;
import io.bloomfit.data.SyntheticDatasets;
import io.bloomfit.data.SyntheticSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loading speed and heap of a MovieLens-10M-sized {@code ratings.dat} (10,000,000 lines, {@code ::}-separated):
 * writes the file from synthetic data once, then loads it and prints the time and the heap in use afterwards.
 * The goal: 10 million interactions in under 1.5 GB of heap, so run it with {@code -Xmx1500m}:
 * {@code java -Xmx1500m -cp benchmarks/target/benchmarks.jar io.bloomfit.bench.eval.LoadLargeFile [dir]}.
 */
public final class LoadLargeFile {

    private LoadLargeFile() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"), "bloomfit-ml10m-like");
        Path file = dir.resolve("ratings.dat");
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            Interactions x = SyntheticDatasets.generate(new SyntheticSpec(70_000, 10_700, 10_000_000, 8, 1))
                    .dataset().interactions();
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                StringBuilder line = new StringBuilder(48);
                for (int i = 0; i < x.size(); i++) {
                    line.setLength(0);
                    line.append(x.user(i) + 1).append("::").append(x.item(i) + 1).append("::")
                            .append(x.rating(i) / 2 + 0.5f * (i & 1)).append("::").append(x.timestamp(i)).append('\n');
                    w.append(line);
                }
            }
            x = null;
            System.gc();
        }
        System.out.printf("%s: %,d bytes, max heap %d MB%n", file, Files.size(file),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            Dataset d = MovieLensLoader.load(file);
            long t1 = System.nanoTime();
            d.interactions().userItems();
            long t2 = System.nanoTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("run %d: loaded in %.1f s, per-user index in %.1f s; heap in use after GC %d MB; %s%n",
                    run, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (rt.totalMemory() - rt.freeMemory()) >> 20, d.describe());
        }
    }
}
