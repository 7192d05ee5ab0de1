/**
 * The pure-Java trainers {@code cpu} ({@link io.bloomfit.engine.cpu.CpuTrainer}) and {@code hogwild}
 * ({@link io.bloomfit.engine.cpu.HogwildTrainer}, its fit in {@code .hogwild}) on one base
 * ({@code JavaFactorizationTrainer}: name, capabilities, checked fit, load), registered through both module-info
 * and {@code META-INF/services}. May depend on the api and {@code engine-factorization} only: nothing native.
 */
package io.bloomfit.engine.cpu;
