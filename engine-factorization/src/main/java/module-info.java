/**
 * Engine-neutral factorization models: lookup plans over compressed layouts, the fit loop with its minibatches and
 * negative sampling, the fused sparse step and the row update rules, the trained model (Java arrays, Java
 * scoring), model files and ONNX export. Requires only the api and Jackson (for the manifest); engines build on
 * it ({@code engine-cpu}, {@code engine-djl}).
 */
module io.bloomfit.engine.factorization {
    requires transitive io.bloomfit.api;
    requires com.fasterxml.jackson.databind;

    exports io.bloomfit.engine.factorization;
    exports io.bloomfit.engine.factorization.model;
    exports io.bloomfit.engine.factorization.onnx;
    exports io.bloomfit.engine.factorization.step;

    opens io.bloomfit.engine.factorization.model to com.fasterxml.jackson.databind;
}
