package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.Sides;
import io.bloomfit.experiment.spec.ExperimentSpec;

import static org.assertj.core.api.Assertions.assertThat;

import io.bloomfit.api.plugin.PluginOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentPlanTest {

    @Test
    void expandsTheCrossProductAfterOneBaselinePerRepeat() {
        ExperimentSpec spec = Fixtures.spec("grid.hashes=[1, 3]", "grid.sides=[both, items]", "grid.repeats=2");
        List<GridPoint> points = ExperimentPlan.expand(spec, Fixtures.PLUGINS);
        // per repeat: 1 baseline + 1 compressor x 2 hashes x 2 ratios x 2 k x 2 sides = 17
        assertThat(points).hasSize(34);
        assertThat(points.get(0)).isEqualTo(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1));
        assertThat(points.get(1)).isEqualTo(new GridPoint("fixture-modulo", "fixture-mix", 0.5, 1, Sides.BOTH, 0, 1));
        assertThat(points.get(2)).isEqualTo(new GridPoint("fixture-modulo", "fixture-mix", 0.5, 1, Sides.ITEMS, 0, 1));
        assertThat(points.get(3)).isEqualTo(new GridPoint("fixture-modulo", "fixture-mix", 0.5, 3, Sides.BOTH, 0, 1));
        assertThat(points.get(16)).isEqualTo(new GridPoint("fixture-modulo", "fixture-linear", 0.1, 3, Sides.ITEMS, 0,
                1));
        // the second repeat uses model.seed + 1
        assertThat(points.get(17)).isEqualTo(new GridPoint("plain", null, 1.0, 1, Sides.NONE, 1, 2));
        assertThat(points.stream().map(GridPoint::key).distinct()).hasSize(34);
    }

    @Test
    void axesACompressorIgnoresAreNotExpanded() {
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-fixed, plain]", "grid.hashes=[1, 2, 4]");
        List<GridPoint> points = ExperimentPlan.expand(spec, Fixtures.PLUGINS);
        // fixture-fixed hashes nothing, fixes k = 2 and ignores the ratio: one point; plain is the baseline only
        assertThat(points).containsExactly(
                new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1),
                new GridPoint("fixture-fixed", null, 1.0, 2, Sides.BOTH, 0, 1));
    }

    /** Option axes multiply only their own compressor's points; points without options keep their old keys. */
    @Test
    void optionAxesExpandOnlyForTheirCompressor() {
        ExperimentSpec spec = Fixtures.spec("grid.compressor=[fixture-modulo, fixture-options]", "grid.ratio=[0.5]",
                "grid.hash=[fixture-mix]", "grid.options.fixture-options.extraRows=[0, 3]",
                "grid.options.fixture-options.spread=auto");
        List<GridPoint> points = ExperimentPlan.expand(spec, Fixtures.PLUGINS);
        PluginOptions none = PluginOptions.of(Map.of("extraRows", 0, "spread", "auto"));
        PluginOptions three = PluginOptions.of(Map.of("extraRows", 3, "spread", "auto"));
        assertThat(points).containsExactly(
                new GridPoint("plain", null, 1.0, 1, Sides.NONE, 0, 1),
                new GridPoint("fixture-modulo", "fixture-mix", 0.5, 2, Sides.BOTH, 0, 1),
                new GridPoint("fixture-options", "fixture-mix", 0.5, 2, Sides.BOTH, 0, 1, none),
                new GridPoint("fixture-options", "fixture-mix", 0.5, 2, Sides.BOTH, 0, 1, three));
        // written out by hand: the key of results written before points had options, and the same plus options
        assertThat(points.get(1).key()).isEqualTo("fixture-modulo|fixture-mix|0.5|2|both|0|1");
        assertThat(points.get(2).key()).isEqualTo("fixture-options|fixture-mix|0.5|2|both|0|1|extraRows=0,spread=auto");
        assertThat(points.get(3).key()).isEqualTo("fixture-options|fixture-mix|0.5|2|both|0|1|extraRows=3,spread=auto");
        assertThat(points.get(3).label()).isEqualTo("fixture-options fixture-mix r=0.5 k=2 both extraRows=3,spread=auto #0");
    }
}
