package io.bloomfit.api.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionsTest {

    // user 0: items 5, 1; user 1: none; user 2: items 3, 0, 4
    private final Interactions data = new Interactions(3, 6,
            new int[] {2, 0, 2, 0, 2},
            new int[] {3, 5, 0, 1, 4},
            new float[] {1, 2, 3, 4, 5},
            new long[] {10, 20, 30, 40, 50});

    @Test
    void userItemsIsACompressedRowViewSortedPerUser() {
        UserItems csr = data.userItems();
        assertThat(csr.offsets()).containsExactly(0, 2, 2, 5);
        assertThat(csr.items()).containsExactly(1, 5, 0, 3, 4);
        assertThat(csr.interactionIndex()).containsExactly(3, 1, 2, 0, 4);
        assertThat(csr.count(1)).isZero();
        assertThat(csr.itemsOf(2)).containsExactly(0, 3, 4);
        assertThat(csr.contains(0, 5)).isTrue();
        assertThat(csr.contains(0, 3)).isFalse();
        assertThat(csr.contains(1, 0)).isFalse();
        assertThat(data.userItems()).isSameAs(csr);
    }

    @Test
    void countsAndSelectionKeepTheIndexSpace() {
        assertThat(data.userCounts()).containsExactly(2, 0, 3);
        assertThat(data.itemCounts()).containsExactly(1, 1, 0, 1, 1, 1);
        Interactions part = data.select(new int[] {4, 1});
        assertThat(part.numUsers()).isEqualTo(3);
        assertThat(part.numItems()).isEqualTo(6);
        assertThat(part.userArray()).containsExactly(2, 0);
        assertThat(part.itemArray()).containsExactly(4, 5);
        assertThat(part.ratingArray()).containsExactly(5f, 2f);
        assertThat(part.timestampArray()).containsExactly(50L, 20L);
    }
}
