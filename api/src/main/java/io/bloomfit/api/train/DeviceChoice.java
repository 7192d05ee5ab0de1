package io.bloomfit.api.train;

/** Where training runs. */
public enum DeviceChoice {
    /** A GPU when the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** A GPU; fails when none is visible. */
    GPU;

    /** The name used in specs, e.g. {@code auto}. */
    public String specName() {
        return SpecName.of(this);
    }

    /**
     * The constant named {@code value} in a spec.
     *
     * @throws IllegalArgumentException naming the field and the accepted values
     */
    public static DeviceChoice fromSpec(String value) {
        return SpecName.parse(DeviceChoice.class, "trainer.device", value);
    }
}
