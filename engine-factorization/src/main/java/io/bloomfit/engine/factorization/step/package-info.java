/**
 * Sparse training on Java arrays: row-wise optimizers ({@link io.bloomfit.engine.factorization.step.RowOptimizer},
 * PyTorch's SparseAdam, sparse Adagrad and SGD formulas), the tables they hold
 * ({@link io.bloomfit.engine.factorization.step.RowTables}), the closed-form
 * {@link io.bloomfit.engine.factorization.step.FusedSparseStep}, and
 * {@link io.bloomfit.engine.factorization.step.FusedSparseFit}, the whole fit both trainers run for a sparse
 * optimizer on the CPU. May depend on the api and this module's other packages.
 */
package io.bloomfit.engine.factorization.step;
