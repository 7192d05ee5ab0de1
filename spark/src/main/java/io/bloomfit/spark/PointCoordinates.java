package io.bloomfit.spark;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;
import java.io.Serializable;
import java.util.TreeMap;

/**
 * A {@link GridPoint} as it travels to an executor (the record itself is not {@link Serializable}): the same
 * components, the compressor options as a map of their values, turned back into the same point there.
 */
public record PointCoordinates(String compressor, String hash, double ratio, int hashes, Sides sides, int repeat,
                               long seed, TreeMap<String, Object> options) implements Serializable {

    private static final long serialVersionUID = 2L;

    public static PointCoordinates of(GridPoint point) {
        return new PointCoordinates(point.compressor(), point.hash(), point.ratio(), point.hashes(), point.sides(),
                point.repeat(), point.seed(), new TreeMap<>(point.options().asMap()));
    }

    public GridPoint point() {
        return new GridPoint(compressor, hash, ratio, hashes, sides, repeat, seed,
                options == null ? PluginOptions.NONE : PluginOptions.of(options));
    }
}
