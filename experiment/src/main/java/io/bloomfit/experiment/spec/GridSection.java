package io.bloomfit.experiment.spec;

import io.bloomfit.api.train.ModelKind;
import io.bloomfit.host.Plugins;
import io.bloomfit.experiment.grid.OptionAxes;
import io.bloomfit.experiment.grid.Sides;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code grid} section's schema: the lists whose cross product is run, {@code compressor} (default
 * {@code [bloom]}), {@code hash} (default {@code [xxh64]}), {@code ratio} (each in (0, 1], default {@code [0.5]}),
 * {@code hashes} (k, each in 1..64, default {@code [2]}), {@code sides} ({@code both | users | items}, default
 * {@code [both]}; {@code [items]}, the only side it accepts, for {@code model.kind: bloom-network}, whose input and
 * output encode items), {@code repeats} (1..1000, default 1), and {@code options} (per compressor of
 * {@code compressor}, its options, each a value or a list of values that is one more axis of that compressor's
 * points, e.g. {@code {bloom-hybrid: {hotShare: [0.25, 0.5], coldFloor: 0.2}}}; default none, and then left out of
 * the canonical form). Repeated list values count once.
 */
final class GridSection {

    static final SpecKey<GridSpec, List<String>> COMPRESSOR = new SpecKey<>("compressor",
            SpecTypes.listOf(SpecTypes.text("a name")), List.of("bloom"), GridSpec::compressors);
    static final SpecKey<GridSpec, List<String>> HASH = new SpecKey<>("hash",
            SpecTypes.listOf(SpecTypes.text("a name")), List.of("xxh64"), GridSpec::hashes);
    static final SpecKey<GridSpec, List<Double>> RATIO = new SpecKey<>("ratio",
            SpecTypes.listOf(SpecTypes.number(GridSpec::validRatio, GridSpec.RATIO_RULE)), List.of(0.5),
            GridSpec::ratios);
    static final SpecKey<GridSpec, List<Integer>> HASHES = new SpecKey<>("hashes",
            SpecTypes.listOf(SpecTypes.intNumber(1, GridSpec.MAX_HASHES, GridSpec.HASHES_RULE)), List.of(2),
            GridSpec::numHashes);
    static final SpecKey<GridSpec, List<Sides>> SIDES = new SpecKey<>("sides",
            SpecTypes.listOf(SpecTypes.choice(EnumSet.of(Sides.BOTH, Sides.USERS, Sides.ITEMS), Sides.choices())),
            List.of(Sides.BOTH), GridSpec::sides);
    static final SpecKey<GridSpec, Integer> REPEATS = new SpecKey<>("repeats",
            SpecTypes.intNumber(1, 1000, "must be in 1..1000"), 1, GridSpec::repeats);
    static final SpecKey<GridSpec, OptionAxes> OPTIONS = new SpecKey<>(OptionAxesKey.NAME, OptionAxesKey.type(),
            OptionAxes.NONE, g -> g.options().isEmpty() ? null : g.options());

    static final Section<GridSpec> SCHEMA = new Section<>("grid", List.of(COMPRESSOR, HASH, RATIO, HASHES, SIDES,
            REPEATS, OPTIONS));

    private GridSection() {
    }

    /**
     * Binds the section; compressors and hash functions must be installed in {@code plugins}.
     *
     * @param kind the bound model kind, or {@code null} when the model section has problems
     */
    static GridSpec bind(Section.Values<GridSpec> values, Plugins plugins, ModelKind kind) {
        List<String> compressors = values.get(COMPRESSOR);
        for (int i = 0; i < compressors.size(); i++) {
            SpecBinder.pluginName(plugins.compressors(), compressors.get(i), values, COMPRESSOR, i);
        }
        List<String> hashes = values.get(HASH);
        for (int i = 0; i < hashes.size(); i++) {
            SpecBinder.pluginName(plugins.hashes(), hashes.get(i), values, HASH, i);
        }
        for (SpecKey<GridSpec, ? extends List<?>> list : List.of(COMPRESSOR, HASH, RATIO, HASHES, SIDES)) {
            if (values.get(list).isEmpty() && !values.hasProblemAt(list)) {
                values.problem(list, "empty list: the grid would have no points; list at least one value");
            }
        }
        List<Sides> sides = values.get(SIDES);
        if (kind == ModelKind.BLOOM_NETWORK) {
            if (!values.isSet(SIDES)) {
                sides = List.of(Sides.ITEMS);
            }
            for (int i = 0; i < sides.size(); i++) {
                if (sides.get(i) != Sides.ITEMS) {
                    values.problem(SIDES, i, "model.kind bloom-network compresses its item input and output only: "
                            + "the only side it accepts is 'items', was '" + sides.get(i).specName() + "'");
                }
            }
        }
        OptionAxes options = values.hasProblemAt(COMPRESSOR) ? OptionAxes.NONE
                : OptionAxesKey.check(values.get(OPTIONS), SCHEMA.path(OPTIONS), plugins.compressors(), compressors,
                        OptionAxes.NONE, null, values.problems());
        return new GridSpec(distinct(compressors), distinct(hashes), distinct(values.get(RATIO)),
                distinct(values.get(HASHES)), distinct(sides), values.get(REPEATS), options);
    }

    private static <T> List<T> distinct(List<T> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }
}
