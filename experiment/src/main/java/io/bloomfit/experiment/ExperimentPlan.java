package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.host.Plugins;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.hash.HashFunction;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.eval.ReferenceMethod;
import io.bloomfit.experiment.spec.ExperimentSpec;
import io.bloomfit.experiment.spec.GridSpec;
import io.bloomfit.experiment.spec.SpecException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The grid points of a spec, in run order: for each repeat the {@code plain} baseline first, then compressor x
 * hash x ratio x k x sides x the compressor's option values ({@code grid.options}, for the compressor they belong
 * to only). Axes a compressor ignores (see {@link CompressorTraits}) are not expanded for it, so no point runs
 * twice.
 */
public final class ExperimentPlan {


    private ExperimentPlan() {
    }

    /**
     * Expands the grid of {@code spec}.
     *
     * @throws SpecException when the baseline compressor is not installed
     */
    public static List<GridPoint> expand(ExperimentSpec spec) {
        return expand(spec, Plugins.shared());
    }

    /** As {@link #expand(ExperimentSpec)}, with compressors from {@code plugins}. */
    public static List<GridPoint> expand(ExperimentSpec spec, Plugins plugins) {
        if (!plugins.compressors().contains(GridPoint.BASELINE)) {
            throw new SpecException("grid", "grid.compressor", "the baseline compressor '" + GridPoint.BASELINE
                    + "' is not available; available: " + String.join(", ", plugins.compressors().available()));
        }
        GridSpec grid = spec.grid();
        List<CompressorTraits> traits = new ArrayList<>();
        for (String name : grid.compressors()) {
            traits.add(CompressorProbe.traitsOf(plugins.compressors().forName(name), someHash(grid, plugins)));
        }
        List<GridPoint> points = new ArrayList<>();
        for (int repeat = 0; repeat < grid.repeats(); repeat++) {
            long seed = spec.model().optimization().seed() + repeat;
            LinkedHashSet<GridPoint> round = new LinkedHashSet<>();
            round.add(new GridPoint(GridPoint.BASELINE, null, 1.0, 1, Sides.NONE, repeat, seed));
            for (int c = 0; c < grid.compressors().size(); c++) {
                String compressor = grid.compressors().get(c);
                if (compressor.equals(GridPoint.BASELINE)) {
                    continue;
                }
                CompressorTraits t = traits.get(c);
                for (String hash : t.usesHash() ? grid.hashes() : java.util.Collections.<String>singletonList(null)) {
                    for (double ratio : t.usesRatio() ? grid.ratios() : List.of(1.0)) {
                        for (int k : t.usesK() ? grid.numHashes() : List.of(t.fixedK())) {
                            for (Sides sides : grid.sides()) {
                                for (PluginOptions options : grid.options().combinations(compressor)) {
                                    round.add(new GridPoint(compressor, hash, ratio, k, sides, repeat, seed,
                                            options));
                                }
                            }
                        }
                    }
                }
            }
            points.addAll(round);
        }
        return List.copyOf(points);
    }

    /**
     * Everything a run scores, in run order: the grid ({@link #expand(ExperimentSpec, Plugins)}), then the untrained
     * reference rankers of every repeat ({@link #references}), which take one evaluation each.
     */
    public static List<GridPoint> withReferences(ExperimentSpec spec, Plugins plugins) {
        List<GridPoint> all = new ArrayList<>(expand(spec, plugins));
        all.addAll(references(spec));
        return List.copyOf(all);
    }

    /**
     * The reference rows of every repeat: {@code popularity} and {@code random} ({@link ReferenceMethod}), scored on
     * the same test set as the grid with the repeat's seed, without training.
     */
    public static List<GridPoint> references(ExperimentSpec spec) {
        List<GridPoint> points = new ArrayList<>();
        for (int repeat = 0; repeat < spec.grid().repeats(); repeat++) {
            long seed = spec.model().optimization().seed() + repeat;
            for (ReferenceMethod method : ReferenceMethod.values()) {
                points.add(new GridPoint(method.specName(), null, 1.0, 1, Sides.NONE, repeat, seed));
            }
        }
        return List.copyOf(points);
    }

    /** The grid's first hash function when the registry has it, for probing compressors that declare no traits. */
    private static HashFunction someHash(GridSpec grid, Plugins plugins) {
        for (String name : grid.hashes()) {
            if (plugins.hashes().contains(name)) {
                return plugins.hashes().forName(name);
            }
        }
        return null;
    }
}
