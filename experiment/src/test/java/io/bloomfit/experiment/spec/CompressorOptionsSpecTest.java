package io.bloomfit.experiment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bloomfit.experiment.Fixtures;
import io.bloomfit.experiment.grid.OptionAxes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Compressor options in a spec ({@code grid.options}, {@code tune.options}), against {@code fixture-options}'
 * declaration: {@code extraRows} (a whole number in 0..1000, default 0) and {@code spread} (auto or a number in
 * [0, 1]), {@code extraRows} applying only with {@code spread: auto}.
 */
class CompressorOptionsSpecTest {

    private static final String GRID = Fixtures.SPEC.replace("compressor: [fixture-modulo]",
            "compressor: [fixture-modulo, fixture-options]");

    private static ExperimentSpec read(String yaml) {
        return Fixtures.read(yaml, "options.yaml");
    }

    private static List<String> problems(String yaml) {
        try {
            read(yaml);
        } catch (SpecException e) {
            return e.problems().stream().map(SpecProblem::toString).toList();
        }
        throw new AssertionError("no problem reported");
    }

    @Test
    void gridOptionsBindNormalisedDeduplicatedAndWrittenToTheCanonicalForm() {
        ExperimentSpec spec = read(GRID + """
                  options:
                    fixture-options: {extraRows: [0, 2, 2.0, "3"], spread: auto}
                """);
        assertThat(spec.grid().options()).isEqualTo(OptionAxes.of(Map.of("fixture-options", Map.of(
                "extraRows", List.of(0, 2, 3), "spread", List.of("auto")))));
        assertThat(spec.grid().options().combinations("fixture-options")).hasSize(3);
        assertThat(spec.grid().options().combinations("fixture-modulo")).hasSize(1);
        assertThat(spec.source()).contains("    \"repeats\" : 1,\n    \"options\" : {\n      \"fixture-options\" : {\n"
                + "        \"extraRows\" : [ 0, 2, 3 ],\n        \"spread\" : [ \"auto\" ]\n      }\n    }\n  }");
        // the canonical form reads back as the same spec
        assertThat(Fixtures.read(spec.source(), "spec.json").grid()).isEqualTo(spec.grid());

        ExperimentSpec numbers = read(GRID + "  options: {fixture-options: {spread: [0, 1e-1, 0.5]}}\n");
        assertThat(numbers.grid().options().of("fixture-options"))
                .containsEntry("spread", List.of(0.0, 0.1, 0.5));
    }

    @Test
    void withoutOptionsTheGridAndItsCanonicalFormAreAsBefore() {
        ExperimentSpec spec = Fixtures.spec();
        assertThat(spec.grid().options()).isSameAs(OptionAxes.NONE);
        assertThat(spec.source()).doesNotContain("options");
    }

    @Test
    void everyProblemIsReportedAtItsPathWithWhatIsAllowed() {
        assertThat(problems(GRID + """
                  options:
                    fixture-options: {extraRows: [1, 1500, -1], colour: red, spread: [auto, 1.5, many]}
                    fixture-modulo: {extraRows: 1}
                    fixture-fixed: {extraRows: 1}
                    blom: {combiner: sum}
                """)).containsExactlyInAnyOrder(
                "grid.options.fixture-options.extraRows[1]: 1500 is out of range; expected a whole number in 0..1000",
                "grid.options.fixture-options.extraRows[2]: -1 is out of range; expected a whole number in 0..1000",
                "grid.options.fixture-options.colour: unknown option; it takes extraRows (a whole number in "
                        + "0..1000), spread (auto or a number in [0, 1])",
                "grid.options.fixture-options.spread[1]: 1.5 is out of range; expected auto or a number in [0, 1]",
                "grid.options.fixture-options.spread[2]: 'many' is not a number; expected auto or a number in [0, 1]",
                "grid.options.fixture-modulo.extraRows: unknown option; this plugin takes no options",
                "grid.options.fixture-fixed: 'fixture-fixed' is not in grid.compressor (fixture-modulo, "
                        + "fixture-options): options apply to the compressors the grid runs; list it there or remove "
                        + "its options",
                "grid.options.blom: unknown compressor 'blom'; available: fixture-fixed, fixture-modulo, "
                        + "fixture-options, fixture-tally, fixture-training, plain");
    }

    @Test
    void combinationsTheCompressorRefusesAndMalformedValuesAreReported() {
        assertThat(problems(GRID + "  options: {fixture-options: {extraRows: [0, 2], spread: [auto, 0.5]}}\n"))
                .containsExactly("grid.options.fixture-options.extraRows: applies only when spread is auto");
        assertThat(problems(GRID + "  options: {fixture-options: {extraRows: [], spread: {a: 1}}}\n"))
                .containsExactly(
                        "grid.options.fixture-options.extraRows: empty list: list at least one value, or leave the "
                                + "option out",
                        "grid.options.fixture-options.spread: expected a value or a list of values, found a mapping");
        assertThat(problems(GRID + "  options: [fixture-options]\n")).containsExactly("grid.options: expected a "
                + "mapping of compressor names to their options, e.g. {bloom-hybrid: {hotShare: [0.25, 0.5]}}, found "
                + "a list");
        assertThat(problems(GRID + "  options: {fixture-options: 3}\n")).containsExactly("grid.options."
                + "fixture-options: expected a mapping of option names to a value or a list of values, e.g. "
                + "{hotShare: [0.25, 0.5]}, found a value '3'");
    }

    @Test
    void tuneOptionsBindJoinTheGridsAndAreGivenInOnePlaceOnly() {
        ExperimentSpec spec = read(GRID + """
                  options: {fixture-options: {spread: auto}}
                tune:
                  learningRate: [0.01, 0.1]
                  options: {fixture-options: {extraRows: [0, 4]}}
                """);
        assertThat(spec.tune().options().of("fixture-options")).containsEntry("extraRows", List.of(0, 4));
        assertThat(spec.tune().combinations("fixture-options")).isEqualTo(4);
        assertThat(spec.tune().combinations("fixture-modulo")).isEqualTo(2);
        assertThat(spec.source()).contains("      \"patience\" : 3\n    },\n    \"options\" : {\n"
                + "      \"fixture-options\" : {\n        \"extraRows\" : [ 0, 4 ]\n      }\n    }\n  }\n}");

        assertThat(problems(GRID + """
                  options: {fixture-options: {spread: 0.5, extraRows: 0}}
                tune:
                  options: {fixture-options: {extraRows: [0, 4]}, plain: {x: 1}}
                """)).containsExactly(
                "tune.options.fixture-options.extraRows: also given in grid.options.fixture-options.extraRows: give "
                        + "each option in one place",
                "tune.options.plain: 'plain' is not in grid.compressor (fixture-modulo, fixture-options): options "
                        + "apply to the compressors the grid runs; list it there or remove its options");
        assertThat(problems(GRID + """
                  options: {fixture-options: {spread: [auto, 0.5]}}
                tune:
                  options: {fixture-options: {extraRows: [0, 4]}}
                """)).containsExactly("tune.options.fixture-options.extraRows: applies only when spread is auto");
    }
}
