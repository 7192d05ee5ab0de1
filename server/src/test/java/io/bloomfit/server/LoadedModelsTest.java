package io.bloomfit.server;

import io.bloomfit.api.train.FitReport;
import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.experiment.keep.Recommendation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of loaded models: loads once, keeps the last used, closes what it lets go and never a model in use. */
class LoadedModelsTest {

    /** Three items scored 1, 3, 2 for every user; counts its uses and fails once closed. */
    private static final class ScoredModel implements TrainedModel {

        final String name;
        final AtomicBoolean closed = new AtomicBoolean();

        ScoredModel(String name) {
            this.name = name;
        }

        @Override
        public int numUsers() {
            return 2;
        }

        @Override
        public int numItems() {
            return 3;
        }

        @Override
        public float[][] scoreAll(int[] users) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public float[] score(int user, int[] items) {
            requireOpen();
            float[] all = {1f, 3f, 2f};
            float[] out = new float[items.length];
            for (int i = 0; i < items.length; i++) {
                out[i] = all[items[i]];
            }
            return out;
        }

        @Override
        public int[] recommend(int user, int k, int[] exclude) {
            requireOpen();
            List<Integer> order = new ArrayList<>(List.of(1, 2, 0));
            for (int e : exclude) {
                order.remove(Integer.valueOf(e));
            }
            return order.stream().limit(k).mapToInt(Integer::intValue).toArray();
        }

        private void requireOpen() {
            if (closed.get()) {
                throw new IllegalStateException(name + " was used after close");
            }
        }

        @Override
        public void save(Path directory) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public FitReport report() {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private final List<ScoredModel> loads = new CopyOnWriteArrayList<>();
    private final LoadedModels models = new LoadedModels((trainer, dir) -> {
        ScoredModel m = new ScoredModel(dir.getFileName().toString());
        loads.add(m);
        return m;
    });

    /** A kept folder with users a, b and items x, y, z; a has y in training. */
    private static Path kept(Path dir, String point) throws IOException {
        Files.writeString(dir.resolve("user-ids.txt"), "a\nb\n");
        Files.writeString(dir.resolve("item-ids.txt"), "x\ny\nz\n");
        Files.writeString(dir.resolve("train-items.tsv"), "1\n\n");
        return Files.createDirectories(dir.resolve(point));
    }

    @Test
    void aModelLoadsOnceAndRecommendsWithoutTheTrainingItems(@TempDir Path dir) throws IOException {
        Path p = kept(dir, "p");
        assertThat(models.recommend("e1", "p", "cpu", p, "a", 3)).containsExactly(new Recommendation(1, "z", 2f),
                new Recommendation(2, "x", 1f));
        assertThat(models.recommend("e1", "p", "cpu", p, "b", 1)).containsExactly(new Recommendation(1, "y", 3f));
        assertThat(loads).hasSize(1);
    }

    @Test
    void theLeastRecentlyUsedIsClosedWhenAnotherLoadsAndEvictClosesAnExperimentsModels(@TempDir Path dir)
            throws IOException {
        for (int i = 0; i < LoadedModels.CAPACITY; i++) {
            models.recommend("e1", "p" + i, "cpu", kept(dir, "p" + i), "b", 1);
        }
        models.recommend("e1", "p0", "cpu", dir.resolve("p0"), "b", 1); // p0 used last: p1 is the eldest now
        models.recommend("e2", "q", "cpu", kept(dir, "q"), "b", 1);
        assertThat(loads).extracting(m -> m.name + "=" + m.closed.get())
                .containsExactly("p0=false", "p1=true", "p2=false", "p3=false", "q=false");
        assertThat(models.loaded()).isEqualTo(LoadedModels.CAPACITY);

        models.evict("e1");
        assertThat(loads).allSatisfy(m -> assertThat(m.closed.get()).as(m.name).isEqualTo(!m.name.equals("q")));
        assertThat(models.loaded()).isEqualTo(1);
        models.recommend("e1", "p0", "cpu", dir.resolve("p0"), "b", 1); // loaded again
        assertThat(loads).hasSize(6);
        models.closeAll();
        assertThat(loads).allSatisfy(m -> assertThat(m.closed.get()).isTrue());
    }

    @Test
    void requestsRacingEvictionsNeverUseAClosedModel(@TempDir Path dir) throws Exception {
        List<Path> points = new ArrayList<>();
        for (int i = 0; i < LoadedModels.CAPACITY + 2; i++) {
            points.add(kept(dir, "p" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        int p = (i + offset) % points.size();
                        if (i % 50 == 0) {
                            models.evict("e");
                        }
                        assertThat(models.recommend("e", "p" + p, "cpu", points.get(p), "a", 2)).hasSize(2);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS); // a use after close would throw here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(models.loaded()).isLessThanOrEqualTo(LoadedModels.CAPACITY);
    }
}
