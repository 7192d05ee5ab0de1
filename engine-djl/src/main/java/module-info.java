/**
 * The {@code djl} trainer: factorization models on compressed embedding layouts, trained with DJL's PyTorch
 * engine (dense Adam through DJL's stock optimizer, row-sparse optimizers on the touched rows only), saved with
 * a JSON manifest and exportable to ONNX.
 */
module io.bloomfit.engine.djl {
    requires io.bloomfit.api;
    requires ai.djl.api;
    requires jdk.management;
    requires ai.djl.pytorch_engine;
    requires com.fasterxml.jackson.databind;
    requires java.management;

    exports io.bloomfit.engine.djl;

    opens io.bloomfit.engine.djl to com.fasterxml.jackson.databind;

    provides io.bloomfit.api.train.Trainer with io.bloomfit.engine.djl.DjlTrainer;
}
