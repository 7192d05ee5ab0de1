/**
 * Evaluation cost: ranking every item per user ({@code core}'s evaluator) on large synthetic data, with a plain
 * dot-product model. Depends on the api and {@code core}.
 */
package io.bloomfit.bench.eval;
