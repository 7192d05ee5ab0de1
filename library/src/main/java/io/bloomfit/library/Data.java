package io.bloomfit.library;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.data.Dataset;
import io.bloomfit.data.DatasetFetcher;
import io.bloomfit.data.LoadOptions;
import io.bloomfit.data.MovieLensLoader;
import io.bloomfit.data.Split;
import io.bloomfit.data.SplitSpec;
import io.bloomfit.data.SyntheticDatasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Interactions to fit and evaluate on, from the same loaders the CLI uses: a built-in synthetic preset, a local
 * MovieLens file, or a public dataset fetched once into the local cache.
 */
public final class Data {

    private final Dataset dataset;

    private Data(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * A built-in synthetic dataset, generated from its seed (no download).
     *
     * @param preset e.g. {@code synthetic-ml100k} (943 users, 1,682 items, 100,000 interactions)
     * @throws IllegalArgumentException naming the available presets when {@code preset} is not one
     */
    public static Data synthetic(String preset) {
        return new Data(SyntheticDatasets.preset(preset));
    }

    /**
     * A MovieLens ratings file ({@code u.data}, {@code ratings.dat} or {@code ratings.csv}) or the directory that
     * holds one.
     *
     * @throws io.bloomfit.data.DatasetLoadException naming the file and line when it cannot be read
     */
    public static Data movieLens(Path fileOrDirectory) {
        return new Data(MovieLensLoader.load(fileOrDirectory));
    }

    /**
     * A public dataset by name (e.g. {@code movielens-100k}), downloaded and checked against its pinned checksum the
     * first time, then read from the local cache ({@code bloomfit datasets fetch NAME} does the same).
     *
     * @throws io.bloomfit.data.DatasetLoadException on an unknown name, a network failure or a checksum mismatch
     */
    public static Data fetch(String name) {
        return new Data(new DatasetFetcher().load(name, LoadOptions.DEFAULT));
    }

    /** The dataset: its interactions and the id maps back to the source's ids. */
    public Dataset dataset() {
        return dataset;
    }

    /** Every interaction. */
    public Interactions interactions() {
        return dataset.interactions();
    }

    /**
     * A seeded random split: a {@code test} share of the interactions held out, no pair in both parts.
     *
     * @throws IllegalArgumentException when {@code test} is not in (0, 1)
     */
    public Split randomSplit(double test, long seed) {
        return SplitSpec.random(test, seed).apply(dataset.interactions());
    }

    @Override
    public String toString() {
        return dataset.describe();
    }
}
