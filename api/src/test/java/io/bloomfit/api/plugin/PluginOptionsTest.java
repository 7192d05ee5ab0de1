package io.bloomfit.api.plugin;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PluginOptionsTest {

    private static final List<PluginOption> DECLARED = List.of(
            PluginOption.number("hotShare", 0.5, 0, 1, "share of rows owned by frequent entities"),
            PluginOption.integer("features", 1024, 1, 4096, "hash features"),
            PluginOption.flag("signed", false, "random signs"),
            PluginOption.choice("combiner", "mean", List.of("mean", "sum"), "how rows combine"));

    @Test
    void givenValuesAreCheckedAgainstTheDeclaration() {
        PluginOptions given = PluginOptions.of(Map.of("hotShare", 1.5, "features", 2.5, "signed", "yes",
                "combiner", "max", "colour", 3));

        assertThat(PluginOptions.check(DECLARED, given)).extracting(OptionProblem::toString).containsExactly(
                "colour: unknown option; it takes hotShare (a number in [0, 1]), features (a whole number in "
                        + "1..4096), signed (true or false), combiner (one of mean, sum)",
                "combiner: 'max' is not allowed; expected one of mean, sum",
                "features: '2.5' is not a whole number; expected a whole number in 1..4096",
                "hotShare: 1.5 is out of range; expected a number in [0, 1]",
                "signed: 'yes' is not true or false");
        assertThat(PluginOptions.check(List.of(), PluginOptions.of(Map.of("x", 1))))
                .extracting(OptionProblem::message).containsExactly("unknown option; this plugin takes no options");
    }

    @Test
    void resolvedFillsInDefaultsAndNormalisesTypes() {
        PluginOptions resolved = PluginOptions.of(Map.of("hotShare", 1, "features", 8.0)).resolved(DECLARED);

        assertThat(resolved.asMap()).containsExactly(Map.entry("combiner", "mean"), Map.entry("features", 8),
                Map.entry("hotShare", 1.0), Map.entry("signed", false));
        assertThat(resolved.number("hotShare")).isEqualTo(1.0);
        assertThat(resolved.integer("features")).isEqualTo(8);
        assertThat(resolved.flag("signed")).isFalse();
        assertThat(resolved.choice("combiner")).isEqualTo("mean");
        assertThat(PluginOptions.NONE.resolved(List.of())).isSameAs(PluginOptions.NONE);
        assertThatThrownBy(() -> PluginOptions.of(Map.of("features", 0)).resolved(DECLARED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("features: 0 is out of range");
    }

    @Test
    void declarationsAreCheckedWhenMade() {
        assertThatThrownBy(() -> PluginOption.number("Hot", 0, 0, 1, "")).hasMessageContaining("breaks the rule");
        assertThatThrownBy(() -> PluginOption.number("hot", 2, 0, 1, "")).hasMessageContaining("default 2 is out");
        assertThatThrownBy(() -> PluginOption.choice("c", "x", List.of("a"), "")).hasMessageContaining("'x'");
        assertThatThrownBy(() -> PluginOptions.of(Map.of("x", List.of()))).hasMessageContaining("type");
    }

    /** An automatic option takes the word auto (its default) or a value of its type; resolved options keep the word. */
    @Test
    void automaticOptionsTakeAutoOrANumber() {
        List<PluginOption> declared = List.of(PluginOption.automaticNumber("hotShare", 0, 1, "share; auto: by floor"),
                PluginOption.automaticInteger("hidden", 1, 64, "width; auto: by budget"));
        assertThat(declared.get(0).rule()).isEqualTo("auto or a number in [0, 1]");
        assertThat(declared.get(1).rule()).isEqualTo("auto or a whole number in 1..64");
        assertThat(declared.get(0).defaultValue()).isEqualTo(PluginOption.AUTOMATIC);
        assertThat(declared.get(0).automatic()).isTrue();
        assertThat(DECLARED.get(0).automatic()).isFalse();

        PluginOptions defaults = PluginOptions.NONE.resolved(declared);
        assertThat(defaults.isAutomatic("hotShare")).isTrue();
        assertThat(defaults.isAutomatic("hidden")).isTrue();
        PluginOptions given = PluginOptions.of(Map.of("hotShare", 1, "hidden", "auto")).resolved(declared);
        assertThat(given.isAutomatic("hotShare")).isFalse();
        assertThat(given.number("hotShare")).isEqualTo(1.0);
        assertThat(given.get("hidden")).isEqualTo("auto");

        assertThat(PluginOptions.check(declared, PluginOptions.of(Map.of("hotShare", "automatic", "hidden", 0))))
                .extracting(OptionProblem::toString).containsExactly(
                        "hidden: 0 is out of range; expected auto or a whole number in 1..64",
                        "hotShare: 'automatic' is not a number; expected auto or a number in [0, 1]");
        assertThat(PluginOptions.check(DECLARED, PluginOptions.of(Map.of("hotShare", "auto"))))
                .extracting(OptionProblem::toString)
                .containsExactly("hotShare: 'auto' is not a number; expected a number in [0, 1]");
    }

    @Test
    void plusAddsAndOverrides() {
        PluginOptions a = PluginOptions.of(Map.of("hotShare", 0.5, "signed", true));
        assertThat(a.plus(PluginOptions.of(Map.of("hotShare", 0.25, "features", 8))).asMap()).containsExactly(
                Map.entry("features", 8), Map.entry("hotShare", 0.25), Map.entry("signed", true));
        assertThat(a.plus(PluginOptions.NONE)).isSameAs(a);
        assertThat(PluginOptions.NONE.plus(a)).isEqualTo(a);
    }
}
