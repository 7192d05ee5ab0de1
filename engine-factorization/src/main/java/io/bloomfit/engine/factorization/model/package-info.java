/**
 * The trained factorization model and what describes it: tables and their shapes
 * ({@link io.bloomfit.engine.factorization.model.ModelParameters}), how entities read them
 * ({@link io.bloomfit.engine.factorization.model.LookupPlan}), initialisation, the engine-neutral
 * {@link io.bloomfit.engine.factorization.model.FactorizationModel} (Java scoring, top-k) and its files
 * ({@link io.bloomfit.engine.factorization.model.ModelFiles}: JSON manifest through Jackson, float32 tables). May
 * depend on the api and Jackson only.
 */
package io.bloomfit.engine.factorization.model;
