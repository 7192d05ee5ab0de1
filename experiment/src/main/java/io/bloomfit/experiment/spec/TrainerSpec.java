package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.DeviceChoice;

/**
 * The {@code trainer} section. Defaults: {@code name: djl}, {@code device: auto}, {@code threads: 0} (the engine
 * chooses; the count used is reported with every result).
 *
 * @param name    a {@link io.bloomfit.api.train.Trainer} name
 * @param device  where to train
 * @param threads intra-op threads, 0 for the engine's choice
 */
public record TrainerSpec(String name, DeviceChoice device, int threads) {
}
