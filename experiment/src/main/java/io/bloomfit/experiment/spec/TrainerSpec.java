package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.NegativeSampling;

/**
 * The {@code trainer} section (keys, ranges and defaults: {@code TrainerSection}).
 *
 * @param name    a {@link io.bloomfit.api.train.Trainer} name
 * @param device  where to train
 * @param threads   intra-op threads, 0 for the engine's choice
 * @param negatives how an implicit model's negatives are drawn
 */
public record TrainerSpec(String name, DeviceChoice device, int threads, NegativeSampling negatives) {
}
