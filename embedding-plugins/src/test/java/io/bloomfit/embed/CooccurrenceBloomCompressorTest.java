package io.bloomfit.embed;

import io.bloomfit.api.embed.Layouts;
import io.bloomfit.api.data.Interactions;
import io.bloomfit.host.EmbeddingCompressors;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.host.HashFunctions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CooccurrenceBloomCompressorTest {

    private static final int ITEMS = 40;
    private final CooccurrenceBloomCompressor cbe = new CooccurrenceBloomCompressor();

    private static LayoutRequest request(int k) {
        return new LayoutRequest(ITEMS, 4, 2.0, k, "xxh64", 7L);
    }

    private EmbeddingLayout layout(LayoutRequest request, Interactions training) {
        return Layouts.build(cbe, request, HashFunctions.registry(), training);
    }

    private static EmbeddingLayout bloom(LayoutRequest request) {
        return EmbeddingCompressors.layout(new BloomCompressor(), request);
    }

    /** Users, each holding the listed items (one user per array). */
    private static Interactions baskets(List<int[]> users) {
        List<Integer> u = new ArrayList<>();
        List<Integer> i = new ArrayList<>();
        for (int user = 0; user < users.size(); user++) {
            for (int item : users.get(user)) {
                u.add(user);
                i.add(item);
            }
        }
        return new Interactions(users.size(), ITEMS, u.stream().mapToInt(Integer::intValue).toArray(),
                i.stream().mapToInt(Integer::intValue).toArray(), null, null);
    }

    /** Ten users hold items 0 and 1 together, everyone else one item alone; 2 and 3 appear only alone. */
    private static List<int[]> training() {
        List<int[]> users = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            users.add(new int[] {0, 1});
        }
        for (int item = 2; item < ITEMS; item++) {
            users.add(new int[] {item});
        }
        return users;
    }

    @Test
    void itemsThatCoOccurInTrainingShareTheirFirstPosition() {
        EmbeddingLayout layout = layout(request(3), baskets(training()));
        EmbeddingLayout bloom = bloom(request(3));

        // items 0 and 1 are the most frequent (10 users each); 0 is visited first (lower id), 1 takes its row
        assertThat(layout.row(1, 0)).isEqualTo(layout.row(0, 0)).isEqualTo(bloom.row(0, 0));
        // the other lookups stay hashed, so 0 and 1 remain distinguishable
        for (int j = 1; j < 3; j++) {
            assertThat(layout.row(1, j)).isEqualTo(bloom.row(1, j));
        }
        // items without a co-occurring partner keep bloom's positions
        for (int e = 2; e < ITEMS; e++) {
            for (int j = 0; j < 3; j++) {
                assertThat(layout.row(e, j)).isEqualTo(bloom.row(e, j));
            }
        }
    }

    /**
     * The layout is a function of the interactions handed in and nothing else: pairs that co-occur only in held-out
     * interactions (2 and 3 here) change nothing unless the caller passes them, and the runner passes the training
     * part only (see PointRunnerTest in the experiment module).
     */
    @Test
    void usesOnlyTheInteractionsItIsGiven() {
        Interactions train = baskets(training());
        List<int[]> withTest = new ArrayList<>(training());
        for (int r = 0; r < 5; r++) {
            withTest.add(new int[] {2, 3});
        }
        EmbeddingLayout fromTrain = layout(request(2), train);
        EmbeddingLayout again = layout(request(2), baskets(training()));
        EmbeddingLayout leaked = layout(request(2), baskets(withTest));

        for (int e = 0; e < ITEMS; e++) {
            for (int j = 0; j < 2; j++) {
                assertThat(again.row(e, j)).isEqualTo(fromTrain.row(e, j));
            }
        }
        assertThat(fromTrain.row(3, 0)).isEqualTo(bloom(request(2)).row(3, 0));
        assertThat(leaked.row(3, 0)).isEqualTo(leaked.row(2, 0));
    }

    @Test
    void withOneLookupItIsTheHashingTrick() {
        EmbeddingLayout layout = layout(request(1), baskets(training()));
        EmbeddingLayout trick = EmbeddingCompressors.layout(new HashingTrickCompressor(), request(1));
        for (int e = 0; e < ITEMS; e++) {
            assertThat(layout.row(e, 0)).isEqualTo(trick.row(e, 0));
        }
    }

    @Test
    void refusesToLayOutWithoutTrainingData() {
        assertThat(cbe.usesTrainingData()).isTrue();
        assertThatThrownBy(() -> EmbeddingCompressors.layout(cbe, request(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("training interactions");
    }
}
