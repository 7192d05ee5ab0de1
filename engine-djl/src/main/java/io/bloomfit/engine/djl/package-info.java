/**
 * The {@code djl} trainer ({@link io.bloomfit.engine.djl.DjlTrainer}) on DJL's PyTorch engine: the autograd graph
 * of the factorization model, DJL's dense Adam, row-sparse updates through autograd on a GPU, device selection,
 * libtorch scoring ({@link io.bloomfit.engine.djl.DjlFactorizationModel}) and the JVM-wide training lock. Sparse
 * fits on the CPU, the fit loop, model files and ONNX export are {@code engine-factorization}'s. May depend on the
 * api, {@code engine-factorization} and DJL.
 */
package io.bloomfit.engine.djl;
