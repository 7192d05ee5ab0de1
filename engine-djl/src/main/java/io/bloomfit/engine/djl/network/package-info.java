/**
 * The paper's Bloom input/output network (Serr&agrave; &amp; Karatzoglou, RecSys 2017), model kind
 * {@code bloom-network} of the {@code djl} trainer: a user's items, Bloom-encoded to m positions through any item
 * {@link io.bloomfit.api.embed.EmbeddingLayout}, feed hidden layers whose output is an m-unit softmax trained with
 * cross-entropy against the Bloom-encoded targets; items are ranked by the likelihood of their k positions.
 *
 * <p>{@link io.bloomfit.engine.djl.network.BloomEncoding} turns item sets into padded position lists (the input is a
 * gather-and-sum of first-layer rows, never a dense d- or m-sized vector), {@link
 * io.bloomfit.engine.djl.network.TrainingExamples} draws each epoch's (input, target) partitions,
 * {@link io.bloomfit.engine.djl.network.NetworkGraph} is the DJL forward pass and loss,
 * {@link io.bloomfit.engine.djl.network.BloomNetworkFit} the fit loop with DJL's dense Adam, and
 * {@link io.bloomfit.engine.djl.network.BloomNetworkModel} the fitted model with the likelihood recovery.
 *
 * <p>Depends on {@code api}, DJL and {@code engine-factorization}'s fit loop only; the {@code djl} trainer
 * ({@code io.bloomfit.engine.djl.DjlTrainer}) picks the device, holds the JVM-wide training lock and calls in here.
 */
package io.bloomfit.engine.djl.network;
