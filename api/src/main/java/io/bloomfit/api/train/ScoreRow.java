package io.bloomfit.api.train;

/**
 * Reads and ranks one user's row of {@link TrainedModel#scoreAll}: the single implementation of
 * {@link TrainedModel#score} and {@link TrainedModel#recommend}, so every model picks and ranks the same way.
 * Top-k selection is a bounded min-heap on primitive arrays: {@code O(items log k)}, no boxing.
 */
final class ScoreRow {

    private ScoreRow() {
    }

    /** {@code model}'s scores of {@code items} for {@code user}, read off its row. */
    static float[] pick(TrainedModel model, int user, int[] items) {
        int numItems = model.numItems();
        for (int item : items) {
            checkItem(item, numItems, "");
        }
        float[] row = model.scoreAll(new int[] {user})[0];
        float[] out = new float[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = row[items[i]];
        }
        return out;
    }

    /** The contract of {@link TrainedModel#recommend}, on {@code model}'s row for {@code user}. */
    static int[] top(TrainedModel model, int user, int k, int[] exclude) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, was " + k);
        }
        int numItems = model.numItems();
        boolean[] excluded = new boolean[numItems];
        int available = numItems;
        for (int item : exclude) {
            if (!excluded[checkItem(item, numItems, " in exclude")]) {
                excluded[item] = true;
                available--;
            }
        }
        return top(model.scoreAll(new int[] {user})[0], k, excluded, available);
    }

    /** The {@code k} best of the {@code available} items of {@code row} that are not {@code excluded}. */
    private static int[] top(float[] row, int k, boolean[] excluded, int available) {
        int size = Math.min(k, available);
        int[] heap = new int[size]; // min-heap by rank: the worst item kept so far at the root
        int filled = 0;
        for (int item = 0; item < row.length && size > 0; item++) {
            if (excluded[item]) {
                continue;
            }
            if (filled < size) {
                heap[filled] = item;
                siftUp(heap, filled, row);
                filled++;
            } else if (ranksAbove(item, heap[0], row)) {
                heap[0] = item;
                siftDown(heap, size, row);
            }
        }
        int[] best = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            best[i] = heap[0];
            heap[0] = heap[i];
            siftDown(heap, i, row);
        }
        return best;
    }

    /**
     * Whether item a ranks above item b: the higher score, equal scores ({@code -0.0 == 0.0}) to the lower id, NaN
     * below every number.
     */
    private static boolean ranksAbove(int a, int b, float[] row) {
        float sa = row[a];
        float sb = row[b];
        if (Float.isNaN(sa) || Float.isNaN(sb)) {
            return Float.isNaN(sb) && (!Float.isNaN(sa) || a < b);
        }
        return sa > sb || (sa == sb && a < b);
    }

    private static int checkItem(int item, int numItems, String where) {
        if (item < 0 || item >= numItems) {
            throw new IllegalArgumentException("item index " + item + where + " is outside 0.." + (numItems - 1));
        }
        return item;
    }

    private static void siftUp(int[] heap, int i, float[] row) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!ranksAbove(heap[parent], heap[i], row)) {
                return;
            }
            swap(heap, parent, i);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] row) {
        int i = 0;
        while (true) {
            int worst = 2 * i + 1;
            if (worst >= size) {
                return;
            }
            int right = worst + 1;
            if (right < size && ranksAbove(heap[worst], heap[right], row)) {
                worst = right;
            }
            if (!ranksAbove(heap[i], heap[worst], row)) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
