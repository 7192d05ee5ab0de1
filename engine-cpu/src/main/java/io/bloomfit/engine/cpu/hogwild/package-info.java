/**
 * The {@code hogwild} trainer's fit: per-example SGD or Adagrad, lock-free across threads, over primitive float
 * arrays ({@link io.bloomfit.engine.cpu.hogwild.HogwildFit}). Batches, negatives, initialisation, lookups, the
 * model and its files come from {@code engine-factorization}; this package owns only the per-example update and
 * how threads share the tables. May depend on the api and {@code engine-factorization} only: nothing native.
 */
package io.bloomfit.engine.cpu.hogwild;
