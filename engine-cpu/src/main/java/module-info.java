/**
 * The {@code cpu} trainer: factorization models with row-sparse optimizers, trained and scored in pure Java (no
 * native code, no libtorch), on the engine-neutral code of {@code engine-factorization}.
 */
module io.bloomfit.engine.cpu {
    requires io.bloomfit.engine.factorization;

    exports io.bloomfit.engine.cpu;

    provides io.bloomfit.api.train.Trainer with io.bloomfit.engine.cpu.CpuTrainer;
}
