package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.EntityEncoder;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.plugin.PluginOption;
import io.bloomfit.api.plugin.PluginOptions;
import io.bloomfit.host.EmbeddingCompressors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The built-in compressors' options: each changes the layout as its compressor's class comment says (small cases
 * worked by hand), the defaults given explicitly build the layout built without them, the names that were
 * variants before options ({@code bloom-sum}, {@code hashing-trick-signed}) are the option's layout under their own
 * name, and refusals name the option and what it allows.
 */
class CompressorOptionsTest {

    private static EmbeddingLayout layout(String compressor, LayoutRequest request, Map<String, ?> options) {
        return EmbeddingCompressors.layout(compressor, request.withOptions(PluginOptions.of(options)));
    }

    @Test
    void declarationsOfTheBuiltIns() {
        assertThat(names("bloom")).containsExactly("combiner");
        assertThat(names("hashing-trick")).containsExactly("signed");
        assertThat(names("bloom-hybrid")).containsExactly("hotShare", "coldFloor");
        assertThat(names("hash-embedding")).containsExactly("weightLearningRate", "weightBudget");
        assertThat(names("dhe")).containsExactly("features", "buckets", "hidden", "maxHidden");
        for (String none : List.of("plain", "bloom-sum", "hashing-trick-signed", "quotient-remainder", "robe",
                "bloom-cooccurrence")) {
            assertThat(names(none)).as(none).isEmpty();
        }
        assertThat(EmbeddingCompressors.forName("bloom").options().get(0).rule()).isEqualTo("one of mean, sum");
        assertThat(EmbeddingCompressors.forName("bloom-hybrid").options().get(0).rule())
                .isEqualTo("auto or a number in [0, 1]");
    }

    private static List<String> names(String compressor) {
        return EmbeddingCompressors.forName(compressor).options().stream().map(PluginOption::name).toList();
    }

    /** Each declared default, given explicitly, builds the layout built without options (every compressor). */
    @Test
    void defaultsGivenExplicitlyBuildTheDefaultLayout() {
        LayoutRequest request = new LayoutRequest(500, 8, 0.3, 2, "xxh64", 17).withTrainingCounts(counts(500));
        for (String name : EmbeddingCompressors.available()) {
            EmbeddingCompressor compressor = EmbeddingCompressors.forName(name);
            if (compressor.usesTrainingData()) {
                continue; // built from interactions: covered by its own test
            }
            Map<String, Object> defaults = new java.util.TreeMap<>();
            compressor.options().forEach(o -> defaults.put(o.name(), o.defaultValue()));
            EmbeddingLayout plain = EmbeddingCompressors.layout(compressor, request);
            EmbeddingLayout given = EmbeddingCompressors.layout(compressor,
                    request.withOptions(PluginOptions.of(defaults)));
            assertThat(given.request()).as(name).isEqualTo(plain.request());
            assertThat(plain.request().options().asMap()).as(name).isEqualTo(defaults);
            assertThat(given.totalRows()).as(name).isEqualTo(plain.totalRows());
            if (!plain.isEncoder()) {
                assertThat(BloomCompressorTest.allRows(given)).as(name).isEqualTo(BloomCompressorTest.allRows(plain));
            }
        }
    }

    private static int[] counts(int n) {
        int[] counts = new int[n];
        for (int e = 0; e < n; e++) {
            counts[e] = (e * 37) % 101;
        }
        return counts;
    }

    @Test
    void bloomCombinerSumIsBloomSumUnderBloomsName() {
        LayoutRequest request = new LayoutRequest(1000, 8, 0.5, 3, "xxh64", 7);
        EmbeddingLayout sum = layout("bloom", request, Map.of("combiner", "sum"));
        EmbeddingLayout alias = EmbeddingCompressors.layout("bloom-sum", request);
        EmbeddingLayout mean = EmbeddingCompressors.layout("bloom", request);

        assertThat(sum.combiner()).isEqualTo(Combiner.SUM);
        assertThat(sum.compressor()).isEqualTo("bloom");
        assertThat(alias.compressor()).isEqualTo("bloom-sum");
        assertThat(alias.combiner()).isEqualTo(Combiner.SUM);
        assertThat(BloomCompressorTest.allRows(sum)).isEqualTo(BloomCompressorTest.allRows(alias))
                .isEqualTo(BloomCompressorTest.allRows(mean));
        assertThat(mean.combiner()).isEqualTo(Combiner.MEAN);
        assertThat(mean.request().options().asMap()).containsExactly(Map.entry("combiner", "mean"));
        assertThat(alias.request().options().isEmpty()).isTrue();
    }

    @Test
    void hashingTrickSignedIsTheSignedNamesLayout() {
        LayoutRequest request = new LayoutRequest(3000, 8, 0.25, 1, "murmur3_32", 77);
        EmbeddingLayout signed = layout("hashing-trick", request, Map.of("signed", true));
        EmbeddingLayout alias = EmbeddingCompressors.layout("hashing-trick-signed", request);
        EmbeddingLayout unsigned = layout("hashing-trick", request, Map.of("signed", false));

        assertThat(signed.hasWeights()).isTrue();
        assertThat(unsigned.hasWeights()).isFalse();
        assertThat(BloomCompressorTest.allRows(signed)).isEqualTo(BloomCompressorTest.allRows(alias))
                .isEqualTo(BloomCompressorTest.allRows(unsigned));
        for (int e = 0; e < 3000; e++) {
            assertThat(signed.weight(e, 0)).isEqualTo(alias.weight(e, 0));
        }
        assertThat(alias.compressor()).isEqualTo("hashing-trick-signed");
    }

    /**
     * n = 10, k = 2, d = 4, ratio 0.5: a pool of 5 rows, 20 floats. weightBudget 1 allows 20 weight floats, and
     * n * k = 20 fit: one row per entity (10 rows), 20 + 20 = 40 parameters. weightBudget 0.2 allows floor(4.0) = 4
     * floats: 4 / 2 = 2 shared rows, 20 + 4 = 24. weightBudget 0 allows none: the one shared row every layout keeps,
     * 20 + 2 = 22. The default 0.5 gives floor(10 / 2) = 5 rows (HashEmbeddingCompressorTest's case).
     */
    @Test
    void hashEmbeddingWeightBudgetAndLearningRateByHand() {
        LayoutRequest request = new LayoutRequest(10, 4, 0.5, 2, "xxh3", 99);
        EmbeddingLayout all = layout("hash-embedding", request, Map.of("weightBudget", 1.0));
        assertThat(all.trainableWeights().rows()).isEqualTo(10);
        assertThat(all.trainableWeights().isShared()).isFalse();
        assertThat(all.parameterCount(4)).isEqualTo(40);
        EmbeddingLayout fifth = layout("hash-embedding", request, Map.of("weightBudget", 0.2));
        assertThat(fifth.trainableWeights().rows()).isEqualTo(2);
        assertThat(fifth.parameterCount(4)).isEqualTo(24);
        assertThat(layout("hash-embedding", request, Map.of("weightBudget", 0)).parameterCount(4)).isEqualTo(22);
        assertThat(EmbeddingCompressors.layout("hash-embedding", request).trainableWeights().rows()).isEqualTo(5);

        assertThat(EmbeddingCompressors.layout("hash-embedding", request).trainableWeights().learningRateScale())
                .isEqualTo(0.01);
        assertThat(layout("hash-embedding", request, Map.of("weightLearningRate", 0.3)).trainableWeights()
                .learningRateScale()).isEqualTo(0.3);
        // the rows do not depend on either option
        assertThat(BloomCompressorTest.allRows(fifth)).isEqualTo(BloomCompressorTest.allRows(all));
    }

    /**
     * n = 1000, d = 8, ratio 0.1: a budget of 100 * 8 = 800 floats. With the default 1024 features the hidden width
     * would be (800 - 8) / (1024 + 1 + 8) = 0 &lt; 8: h = 8 and F = (800 - 8 - 64 - 8) / 8 = 90. With 16 features,
     * h = 792 / (16 + 1 + 8) = 31 (capped by maxHidden 20 to 20). With hidden 5, the network is 1024 -> 5 -> 8
     * whatever the budget: (1024 + 1) * 5 + (5 + 1) * 8 = 5173 parameters.
     */
    @Test
    void dheShapeOptionsByHand() {
        LayoutRequest request = new LayoutRequest(1000, 8, 0.1, 1, "xxh3", 4);
        assertThat(widths(EmbeddingCompressors.layout("dhe", request))).containsExactly(90, 8, 8);
        assertThat(widths(layout("dhe", request, Map.of("features", 16)))).containsExactly(16, 31, 8);
        assertThat(widths(layout("dhe", request, Map.of("features", 16, "maxHidden", 20)))).containsExactly(16, 20, 8);
        EmbeddingLayout fixed = layout("dhe", request, Map.of("hidden", 5));
        assertThat(widths(fixed)).containsExactly(1024, 5, 8);
        assertThat(fixed.encoder().parameterCount()).isEqualTo(5173);

        EntityEncoder coarse = layout("dhe", request, Map.of("buckets", 3)).encoder();
        assertThat(coarse.buckets()).isEqualTo(3);
        float[] x = new float[coarse.numFeatures()];
        coarse.features(new int[] {7}, x);
        for (float v : x) {
            assertThat(v).isIn(-1f, 0f, 1f); // 2 * b / 2 - 1 for b in {0, 1, 2}
        }
        assertThat(EmbeddingCompressors.layout("dhe", request).encoder().buckets()).isEqualTo(1_000_000);
    }

    private static int[] widths(EmbeddingLayout layout) {
        EntityEncoder encoder = layout.encoder();
        return new int[] {encoder.numFeatures(), encoder.outputWidth(0), encoder.outputWidth()};
    }

    @Test
    void refusalsNameTheOptionAndWhatItAllows() {
        LayoutRequest request = new LayoutRequest(100, 8, 0.5, 2, "xxh3", 1);
        assertThatThrownBy(() -> layout("bloom", request, Map.of("combiner", "max")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressor 'bloom': option combiner: 'max' is not allowed; expected one of mean, sum");
        assertThatThrownBy(() -> layout("hashing-trick", request, Map.of("signed", "yes")))
                .hasMessage("compressor 'hashing-trick': option signed: 'yes' is not true or false");
        assertThatThrownBy(() -> layout("dhe", request, Map.of("hidden", 16, "maxHidden", 64)))
                .hasMessage("compressor 'dhe': option maxHidden: applies only when hidden is auto, but hidden is 16: "
                        + "remove maxHidden, or set hidden: auto");
        assertThatThrownBy(() -> layout("dhe", request, Map.of("features", 0, "buckets", 1.5)))
                .hasMessage("compressor 'dhe': option buckets: '1.5' is not a whole number; expected a whole number "
                        + "in 2..2147483647; option features: 0 is out of range; expected a whole number in 1..65536");
        assertThatThrownBy(() -> layout("bloom-sum", request, Map.of("combiner", "mean")))
                .hasMessage("compressor 'bloom-sum': option combiner: unknown option; this plugin takes no options");
        assertThat(Layouts.optionProblems(EmbeddingCompressors.forName("plain"), PluginOptions.NONE)).isEmpty();
    }
}
