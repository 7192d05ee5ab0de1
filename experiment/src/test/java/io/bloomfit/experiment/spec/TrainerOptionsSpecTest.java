package io.bloomfit.experiment.spec;

import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.experiment.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trainer.options}: checked against what the chosen trainer declares, each problem at its own path, and
 * completed with the defaults of the options not given, as {@code spec.json} records them.
 */
class TrainerOptionsSpecTest {

    private static SpecException problems(String... overrides) {
        try {
            Fixtures.spec(overrides);
        } catch (SpecException e) {
            return e;
        }
        throw new AssertionError("expected a SpecException");
    }

    @Test
    void givenOptionsAreCompletedWithTheTrainersDefaults() {
        ExperimentSpec spec = Fixtures.spec("trainer.name=fixture-options", "trainer.options.path=exact");
        PluginOptions expected = PluginOptions.of(Map.of("path", "exact", "lanes", 4));
        assertThat(spec.trainer().options()).isEqualTo(expected);
        assertThat(spec.model().trainer().options()).isEqualTo(expected);
    }

    @Test
    void theCanonicalFormRecordsEveryOptionAndReadsBackTheSame() {
        ExperimentSpec spec = Fixtures.spec("trainer.name=fixture-options", "trainer.options={lanes: '8'}");
        assertThat(spec.source()).contains("\"options\" : {\n      \"lanes\" : 8,\n      \"path\" : \"fast\"\n    }");
        ExperimentSpec again = SpecReader.read(spec.source(), "spec.json", true, "x", null, List.of(),
                Fixtures.PLUGINS);
        assertThat(again.model()).isEqualTo(spec.model());
        assertThat(again.source()).isEqualTo(spec.source());
    }

    @Test
    void aTrainerWithoutOptionsLeavesTheKeyOutOfTheCanonicalForm() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.model().trainer().options()).isEqualTo(PluginOptions.NONE);
        assertThat(spec.source()).doesNotContain("options");
    }

    @Test
    void valuesOutOfRangeAndUnknownNamesAreReportedAtTheirPathWithWhatIsAllowed() {
        SpecException e = problems("trainer.name=fixture-options", "trainer.options={path: x, lanes: 0, speed: 2}");
        assertThat(e.problems()).containsExactlyInAnyOrder(
                new SpecProblem("trainer.options.path", "'x' is not allowed; expected one of fast, exact"),
                new SpecProblem("trainer.options.lanes", "0 is out of range; expected a whole number in 1..64"),
                new SpecProblem("trainer.options.speed", "unknown option; it takes path (one of fast, exact), "
                        + "lanes (a whole number in 1..64)"));
    }

    @Test
    void optionsForATrainerThatTakesNoneAreRefused() {
        assertThat(problems("trainer.options.path=exact").problems()).containsExactly(new SpecProblem(
                "trainer.options.path", "unknown option; trainer 'fixture' takes no options"));
    }

    @Test
    void optionsMustBeAMappingOfScalars() {
        assertThat(problems("trainer.name=fixture-options", "trainer.options=[exact]").problems())
                .containsExactly(new SpecProblem("trainer.options", "expected a mapping of option names to values, "
                        + "e.g. {name: value}, found a list"));
        assertThat(problems("trainer.name=fixture-options", "trainer.options={path: [exact]}").problems())
                .containsExactly(new SpecProblem("trainer.options.path", "expected a number, true or false, or a "
                        + "word, found a list"));
    }
}
