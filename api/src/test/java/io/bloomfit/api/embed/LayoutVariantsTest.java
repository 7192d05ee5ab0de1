package io.bloomfit.api.embed;

import io.bloomfit.api.hash.HashFunction;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The layout's variants: which factory builds which, what only one variant has, and the refusals. */
class LayoutVariantsTest {

    /** 3 entities, dimension 4, k = 2, one table of 2 rows. */
    private static final LayoutRequest REQUEST = new LayoutRequest(3, 4, 1.0, 2, null, 0);
    private static final int[] ROWS = {0, 1, 1, 0, 0, 1};

    /** A hash the encoder's features never call here: only its name shows. */
    private static final HashFunction NAMED = new HashFunction() {
        @Override
        public String name() {
            return "named";
        }

        @Override
        public long hash(long key, long seed) {
            return key ^ seed;
        }
    };

    private static EmbeddingLayout plain() {
        return EmbeddingLayout.of("p", REQUEST, new int[] {2}, new int[2], ROWS.clone(), null, Combiner.MEAN);
    }

    private static EmbeddingLayout weighted() {
        return EmbeddingLayout.of("w", REQUEST, new int[] {2}, new int[2], ROWS.clone(),
                new float[] {1, -1, -1, 1, 1, 1}, Combiner.SUM);
    }

    private static EmbeddingLayout trainable() {
        return EmbeddingLayout.ofTrainable("t", REQUEST, new int[] {2}, new int[2], ROWS.clone(),
                TrainableWeights.perEntity(3, 2, new float[] {1, 1, 0.5f, 0.5f, 2, 3}), Combiner.SUM);
    }

    private static EmbeddingLayout concatenated() {
        return EmbeddingLayout.of("c", REQUEST, new int[] {2}, new int[2], ROWS.clone(), null, Combiner.CONCAT);
    }

    /** Two features into 4 outputs: (2 + 1) * 4 = 12 parameters, 3 rows of the dimension 4. */
    private static EmbeddingLayout encoder() {
        return EmbeddingLayout.encoder("e", REQUEST, new EntityEncoder(NAMED, new long[] {1, 2}, 8, new int[] {4}));
    }

    @Test
    void eachFactoryBuildsItsVariant() {
        assertThat(plain()).isInstanceOf(PlainRowsLayout.class);
        assertThat(plain().kind()).isEqualTo(LookupKind.PLAIN_ROWS);
        assertThat(weighted()).isInstanceOf(WeightedRowsLayout.class);
        assertThat(weighted().kind()).isEqualTo(LookupKind.WEIGHTED_ROWS);
        assertThat(trainable()).isInstanceOf(TrainableWeightsLayout.class);
        assertThat(trainable().kind()).isEqualTo(LookupKind.TRAINABLE_WEIGHTS);
        assertThat(concatenated()).isInstanceOf(BlocksLayout.class);
        assertThat(concatenated().kind()).isEqualTo(LookupKind.BLOCKS);
        assertThat(encoder()).isInstanceOf(EncoderLayout.class);
        assertThat(encoder().kind()).isEqualTo(LookupKind.ENCODER);
    }

    @Test
    void blocksFactoryEqualsConcatenatingOf() {
        BlocksLayout blocks = EmbeddingLayout.blocks("c", REQUEST, new int[] {2}, new int[2], ROWS.clone());

        assertThat(blocks.combiner()).isEqualTo(Combiner.CONCAT);
        assertThat(blocks.blockWidth()).isEqualTo(2);
        assertThat(blocks.toString()).isEqualTo(concatenated().toString());
        for (int e = 0; e < 3; e++) {
            for (int j = 0; j < 2; j++) {
                assertThat(blocks.globalRow(e, j)).isEqualTo(ROWS[e * 2 + j]);
                assertThat(blocks.weight(e, j)).isEqualTo(1f);
            }
        }
        assertThatThrownBy(() -> EmbeddingLayout.blocks("c", new LayoutRequest(3, 5, 1.0, 2, null, 0),
                new int[] {2}, new int[2], ROWS.clone())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 5 is not a multiple of 2");
    }

    /** Weights on blocks are refused whichever factory asks for them. */
    @Test
    void blocksTakeNoWeights() {
        assertThatThrownBy(() -> EmbeddingLayout.of("c", REQUEST, new int[] {2}, new int[2], ROWS.clone(),
                new float[6], Combiner.CONCAT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressor 'c': concatenated rows take no weights");
        assertThatThrownBy(() -> EmbeddingLayout.ofTrainable("c", REQUEST, new int[] {2}, new int[2], ROWS.clone(),
                TrainableWeights.perEntity(3, 2, new float[6]), Combiner.CONCAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressor 'c': concatenated rows take no weights");
    }

    /** Sizes by hand: 2 rows of 4 (or of a block of 2), 6 row entries, 6 weights, 3 weight rows of 2. */
    @Test
    void sizesFollowTheVariant() {
        assertThat(plain().parameterCount(4)).isEqualTo(8);
        assertThat(plain().indexBytes()).isEqualTo(24);
        assertThat(weighted().parameterCount(4)).isEqualTo(8);
        assertThat(weighted().indexBytes()).isEqualTo(24 + 24);
        assertThat(trainable().parameterCount(4)).isEqualTo(8 + 6);
        assertThat(trainable().achievedRatio()).isEqualTo(14.0 / 12);
        assertThat(concatenated().parameterCount(4)).isEqualTo(4);
        assertThat(concatenated().indexBytes()).isEqualTo(24);
        assertThat(encoder().totalRows()).isEqualTo(3);
        assertThat(encoder().numLookups()).isEqualTo(1);
        assertThat(encoder().rowWidth(4)).isEqualTo(4);
        assertThat(encoder().parameterCount(4)).isEqualTo(12);
        assertThat(encoder().parameterCount(99)).isEqualTo(12);
        assertThat(encoder().indexBytes()).isZero();
        assertThat(encoder().achievedRatio()).isEqualTo(12.0 / 12);
        assertThat(encoder().combiner()).isEqualTo(Combiner.SUM);
    }

    @Test
    void weightsFollowTheVariant() {
        assertThat(plain().weight(1, 0)).isEqualTo(1f);
        assertThat(weighted().weight(1, 0)).isEqualTo(-1f);
        assertThat(trainable().weight(2, 1)).isEqualTo(3f); // the starting value
        assertThat(concatenated().weight(2, 1)).isEqualTo(1f);
    }

    /** One switch expression over every kind, as trainers write it: each layout lands in its own arm. */
    @Test
    void aSwitchOverTheKindReachesEachVariantsData() {
        Map<LookupKind, String> seen = new EnumMap<>(LookupKind.class);
        for (EmbeddingLayout layout : List.of(plain(), weighted(), trainable(), concatenated(), encoder())) {
            String read = switch (layout.kind()) {
                case PLAIN_ROWS -> "rows " + layout.globalRow(1, 0);
                case WEIGHTED_ROWS -> "weight " + layout.weight(1, 0);
                case TRAINABLE_WEIGHTS -> "weight rows " + layout.asTrainableWeights().weights().rows();
                case BLOCKS -> "block " + layout.asBlocks().blockWidth();
                case ENCODER -> "features " + layout.asEncoder().encoder().numFeatures();
            };
            seen.put(layout.kind(), read);
        }

        assertThat(seen).containsExactly(Map.entry(LookupKind.PLAIN_ROWS, "rows 1"),
                Map.entry(LookupKind.WEIGHTED_ROWS, "weight -1.0"),
                Map.entry(LookupKind.TRAINABLE_WEIGHTS, "weight rows 3"),
                Map.entry(LookupKind.BLOCKS, "block 2"),
                Map.entry(LookupKind.ENCODER, "features 2"));
    }

    @Test
    void variantAccessorsRefuseOtherKindsByName() {
        assertThatThrownBy(() -> plain().asTrainableWeights()).isInstanceOf(IllegalStateException.class)
                .hasMessage("layout of compressor 'p' is plain rows, not rows with trainable weights: switch on "
                        + "kind() before reading what only one kind has");
        assertThatThrownBy(() -> weighted().asBlocks()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("layout of compressor 'w' is weighted rows, not concatenated blocks");
        assertThatThrownBy(() -> concatenated().asEncoder()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("layout of compressor 'c' is concatenated blocks, not an encoder network");
        assertThatThrownBy(() -> encoder().asTrainableWeights()).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("layout of compressor 'e' is an encoder network, not rows with trainable");
        assertThat(trainable().asTrainableWeights()).isInstanceOf(TrainableWeightsLayout.class);
    }

    @Test
    void anEncoderHasNoRowLookups() {
        EmbeddingLayout encoder = encoder();

        assertThatThrownBy(() -> encoder.row(0, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'e' is an encoder: it has no row lookups");
        assertThatThrownBy(() -> encoder.globalRow(0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> encoder.globalRows(new int[] {0}, new int[1]))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EmbeddingLayout.encoder("e", new LayoutRequest(3, 8, 1.0, 2, null, 0),
                new EntityEncoder(NAMED, new long[] {1}, 8, new int[] {4})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output width 4 for dimension 8");
    }

    @Test
    void toStringNamesTheVariant() {
        assertThat(plain().toString()).isEqualTo("EmbeddingLayout[p, entities=3, k=2, tables=[2], combiner=MEAN]");
        assertThat(weighted().toString())
                .isEqualTo("EmbeddingLayout[w, entities=3, k=2, tables=[2], combiner=SUM, weighted]");
        assertThat(trainable().toString())
                .isEqualTo("EmbeddingLayout[t, entities=3, k=2, tables=[2], combiner=SUM, trainable weights]");
        assertThat(concatenated().toString())
                .isEqualTo("EmbeddingLayout[c, entities=3, k=2, tables=[2], combiner=CONCAT]");
        assertThat(encoder().toString()).isEqualTo("EmbeddingLayout[e, entities=3, k=1, tables=[3], combiner=SUM, "
                + "EntityEncoder[named, features=2, buckets=8, layers=[4]]]");
    }
}
