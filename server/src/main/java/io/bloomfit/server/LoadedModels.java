package io.bloomfit.server;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.keep.KeptModel;
import io.bloomfit.experiment.keep.Recommendation;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The kept models that recommendations are served from, loaded on first use by the trainer that saved them and
 * cached: the {@value #CAPACITY} used last stay open, the one used longest ago is closed when another is loaded.
 * Thread-safe: any number of requests may recommend from one model at once, and a model is closed (evicted, its
 * experiment deleted or resumed, the server stopping) only once no request uses it.
 */
@ApplicationScoped
public class LoadedModels {

    /** How many models stay loaded. */
    static final int CAPACITY = 4;

    /** A loaded model with the files kept beside it; {@code lock} guards it against closing while in use. */
    private static final class Entry {

        private final TrainedModel model;
        private final KeptModel kept;
        private final ReadWriteLock lock = new ReentrantReadWriteLock();
        private boolean closed;

        Entry(TrainedModel model, KeptModel kept) {
            this.model = model;
            this.kept = kept;
        }

        /** Closes the model once the requests using it are done. */
        void close() {
            lock.writeLock().lock();
            try {
                if (!closed) {
                    closed = true;
                    model.close();
                }
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    /** Loads a saved model with the trainer that saved it. */
    @FunctionalInterface
    interface Loader {
        TrainedModel load(String trainer, Path dir) throws IOException;
    }

    private final Map<String, Entry> cache = new LinkedHashMap<>(16, 0.75f, true);
    private final Loader loader;

    /** Loads models through the server's registries: the trainer that saved a model, with their compressors. */
    @Inject
    public LoadedModels(Plugins plugins) {
        this((trainer, dir) -> plugins.trainers().forName(trainer).load(dir, plugins));
    }

    LoadedModels(Loader loader) {
        this.loader = loader;
    }

    /**
     * The {@code k} best items for {@code user} (a source id) from the model in {@code dir}, without the user's
     * training items. Loads the model with trainer {@code trainer} when it is not loaded yet.
     *
     * @param experiment the experiment the model belongs to (what {@link #evict} names)
     * @throws io.bloomfit.experiment.keep.UnknownUserException when the model does not know the user
     * @throws io.bloomfit.experiment.keep.KeptModelException  when the kept files do not fit the model
     * @throws IOException when the model cannot be read
     */
    public List<Recommendation> recommend(String experiment, String point, String trainer, Path dir, String user,
                                          int k) throws IOException {
        while (true) {
            Entry entry = entry(experiment, point, trainer, dir);
            entry.lock.readLock().lock();
            try {
                if (!entry.closed) {
                    return entry.kept.recommend(entry.model, user, k, false);
                }
            } finally {
                entry.lock.readLock().unlock();
            }
            // evicted between lookup and use: load it again
        }
    }

    /** Closes the loaded models of {@code experiment} (deleted, or resumed so its models may be saved anew). */
    public void evict(String experiment) {
        List<Entry> evicted = new ArrayList<>();
        synchronized (cache) {
            for (Iterator<Map.Entry<String, Entry>> it = cache.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Entry> e = it.next();
                if (e.getKey().startsWith(experiment + "/")) {
                    evicted.add(e.getValue());
                    it.remove();
                }
            }
        }
        evicted.forEach(Entry::close);
    }

    /** How many models are loaded now. */
    int loaded() {
        synchronized (cache) {
            return cache.size();
        }
    }

    @PreDestroy
    void closeAll() {
        List<Entry> all;
        synchronized (cache) {
            all = new ArrayList<>(cache.values());
            cache.clear();
        }
        all.forEach(Entry::close);
    }

    private Entry entry(String experiment, String point, String trainer, Path dir) throws IOException {
        String key = experiment + "/" + point;
        Entry evicted = null;
        Entry entry;
        synchronized (cache) { // loading under the lock keeps one copy of a model; models load in well under a second
            entry = cache.get(key);
            if (entry == null) {
                KeptModel kept = KeptModel.read(dir);
                TrainedModel model = loader.load(trainer, dir);
                entry = new Entry(model, kept);
                cache.put(key, entry);
                if (cache.size() > CAPACITY) {
                    Iterator<Entry> eldest = cache.values().iterator();
                    evicted = eldest.next();
                    eldest.remove();
                }
            }
        }
        if (evicted != null) {
            evicted.close();
        }
        return entry;
    }
}
