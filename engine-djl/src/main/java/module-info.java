/**
 * The {@code djl} trainer: factorization models on compressed embedding layouts, trained with DJL's PyTorch
 * engine (dense Adam through DJL's stock optimizer, autograd on a GPU) and scored with libtorch; sparse fits on
 * the CPU, model files and ONNX export come from {@code engine-factorization}; and the paper's Bloom input/output
 * network (model kind {@code bloom-network}, package {@code io.bloomfit.engine.djl.network}).
 */
module io.bloomfit.engine.djl {
    requires transitive io.bloomfit.engine.factorization;
    requires ai.djl.api;
    requires ai.djl.pytorch_engine;

    exports io.bloomfit.engine.djl;
    exports io.bloomfit.engine.djl.network;

    provides io.bloomfit.api.train.Trainer with io.bloomfit.engine.djl.DjlTrainer;
}
