/**
 * How a factorization model is fitted, whatever the engine: {@link io.bloomfit.engine.factorization.FitLoop} (epochs,
 * the listener, divergence, cancellation) over {@link io.bloomfit.engine.factorization.Minibatches} (shuffling and
 * negative sampling from the spec's seed), with the engine's part plugged in as a
 * {@link io.bloomfit.engine.factorization.BatchStep}. May depend on the api and on this module's {@code model}
 * package only.
 */
package io.bloomfit.engine.factorization;
