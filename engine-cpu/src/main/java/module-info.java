/**
 * The pure-Java trainers, on the engine-neutral code of {@code engine-factorization} (no native code, no
 * libtorch): {@code cpu} (the fused batch step: row-sparse optimizers and dense Adam) and {@code hogwild}
 * (per-example lock-free SGD and Adagrad).
 */
module io.bloomfit.engine.cpu {
    requires io.bloomfit.engine.factorization;

    exports io.bloomfit.engine.cpu;

    provides io.bloomfit.api.train.Trainer with io.bloomfit.engine.cpu.CpuTrainer,
            io.bloomfit.engine.cpu.HogwildTrainer;
}
