/**
 * The {@code cpu} trainer ({@link io.bloomfit.engine.cpu.CpuTrainer}), registered through both module-info and
 * {@code META-INF/services}. May depend on the api and {@code engine-factorization} only: nothing native.
 */
package io.bloomfit.engine.cpu;
