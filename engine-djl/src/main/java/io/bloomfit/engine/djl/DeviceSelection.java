package io.bloomfit.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.bloomfit.api.train.DeviceChoice;

/**
 * Maps {@code trainer.device} to a DJL device. The CPU libtorch comes from Maven Central; a GPU is only seen
 * when a CUDA libtorch is available (see {@code docs/benchmarks.md} for how to provide one).
 */
final class DeviceSelection {

    private DeviceSelection() {
    }

    static Device choose(DeviceChoice choice, Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("trainer.device: 'gpu' was asked for but DJL's PyTorch engine "
                            + "sees no GPU (the bundled libtorch is the CPU build); use 'auto' or 'cpu', or point "
                            + "PYTORCH_LIBRARY_PATH at a CUDA libtorch 2.7.1");
                }
                yield Device.gpu();
            }
        };
    }
}
