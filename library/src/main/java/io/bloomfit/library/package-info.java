/**
 * The library front door, a fluent facade over the pieces the CLI composes (no second implementation):
 * {@link io.bloomfit.library.Data} (a built-in synthetic dataset, a local MovieLens file or a fetched public one,
 * and its split), {@link io.bloomfit.library.Embedding} (one side's layout: a compressor with its ratio, k, hash
 * function and options), {@link io.bloomfit.library.Recommender} (a factorization model's settings, its fit with a
 * named trainer, and the fitted model's evaluation and recommendations). Names resolve in the registries of
 * {@code io.bloomfit.host.Plugins} (the process-wide ones unless given).
 *
 * <pre>{@code
 * Split split = Data.synthetic("synthetic-ml100k").randomSplit(0.2, 42);
 * Embedding bloom = Embedding.bloom(0.4).hashes(2).hash("xxh64");
 * try (Recommender model = Recommender.implicit().users(bloom).items(bloom).dimension(32).loss("bpr")
 *         .fit(split.train())) {
 *     double mrr = model.mrr(split.test());
 * }
 * }</pre>
 */
package io.bloomfit.library;
