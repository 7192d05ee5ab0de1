package io.bloomfit.experiment.spec;

import io.bloomfit.experiment.Sides;

import java.util.List;

/**
 * The {@code grid} section: the lists whose cross product is run, each point against the {@code plain}
 * baseline that runs once per repeat. Keys, ranges and defaults: {@code GridSection}.
 *
 * @param compressors compressor names; {@code plain} listed here is the baseline and not repeated
 * @param hashes      hash function names (ignored, and not expanded, for compressors that hash nothing)
 * @param ratios      table rows per entity, each in (0, 1]
 * @param numHashes   k values (not expanded for compressors whose k is fixed)
 * @param sides       which embeddings are compressed
 * @param repeats     runs per point; repeat r uses model seed {@code model.seed + r}
 */
public record GridSpec(List<String> compressors, List<String> hashes, List<Double> ratios,
                       List<Integer> numHashes, List<Sides> sides, int repeats) {

    public GridSpec {
        compressors = List.copyOf(compressors);
        hashes = List.copyOf(hashes);
        ratios = List.copyOf(ratios);
        numHashes = List.copyOf(numHashes);
        sides = List.copyOf(sides);
    }
}
