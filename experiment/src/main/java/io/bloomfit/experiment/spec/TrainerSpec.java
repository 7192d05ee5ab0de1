package io.bloomfit.experiment.spec;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.api.train.DeviceChoice;
import io.bloomfit.api.train.NegativeSampling;

/**
 * The {@code trainer} section (keys, ranges and defaults: {@code TrainerSection}).
 *
 * @param name      a {@link io.bloomfit.api.train.Trainer} name
 * @param device    where to train
 * @param threads   intra-op threads, 0 for the engine's choice
 * @param negatives how an implicit model's negatives are drawn
 * @param options   the trainer's own options; once the spec is bound, every option the trainer declares, with
 *                  the value given or its default
 */
public record TrainerSpec(String name, DeviceChoice device, int threads, NegativeSampling negatives,
                          PluginOptions options) {

    /** This section with other options. */
    TrainerSpec withOptions(PluginOptions value) {
        return new TrainerSpec(name, device, threads, negatives, value);
    }
}
