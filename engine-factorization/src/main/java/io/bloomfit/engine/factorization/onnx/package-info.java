/**
 * ONNX export of factorization models: {@link io.bloomfit.engine.factorization.onnx.OnnxExporter} writes the
 * scoring graph (opset 13) with a small protobuf writer of its own, so no protobuf or ONNX library is needed. May
 * depend on the api and this module's {@code model} package.
 */
package io.bloomfit.engine.factorization.onnx;
