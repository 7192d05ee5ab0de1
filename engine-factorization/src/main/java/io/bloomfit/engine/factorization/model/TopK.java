package io.bloomfit.engine.factorization.model;

/**
 * Selects the k best scores with a bounded min-heap on primitive arrays; ties go to the lower item id, NaN scores
 * rank last. Shared by the models of every engine that ranks a score row (factorization models, the Bloom network).
 */
public final class TopK {

    private TopK() {
    }

    /** Items with the {@code k} highest scores, best first, skipping {@code excluded} items. */
    public static int[] select(float[] scores, boolean[] excluded, int k) {
        int available = 0;
        for (boolean e : excluded) {
            if (!e) {
                available++;
            }
        }
        int size = Math.min(k, available);
        int[] heap = new int[size]; // min-heap by (score, -item): the worst kept item at the root
        int filled = 0;
        for (int item = 0; item < scores.length; item++) {
            if (excluded[item]) {
                continue;
            }
            if (filled < size) {
                heap[filled] = item;
                siftUp(heap, filled, scores);
                filled++;
            } else if (size > 0 && better(item, heap[0], scores)) {
                heap[0] = item;
                siftDown(heap, size, scores);
            }
        }
        int[] out = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = heap[0];
            heap[0] = heap[i];
            siftDown(heap, i, scores);
        }
        return out;
    }

    /** Whether item a ranks above item b. NaN scores rank last. */
    private static boolean better(int a, int b, float[] scores) {
        float sa = scores[a];
        float sb = scores[b];
        if (Float.isNaN(sa) || Float.isNaN(sb)) {
            return Float.isNaN(sb) && (!Float.isNaN(sa) || a < b);
        }
        return sa > sb || (sa == sb && a < b);
    }

    private static void siftUp(int[] heap, int i, float[] scores) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (better(heap[parent], heap[i], scores)) {
                swap(heap, parent, i);
                i = parent;
            } else {
                return;
            }
        }
    }

    private static void siftDown(int[] heap, int size, float[] scores) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(heap[left], heap[right], scores)) {
                worst = right;
            }
            if (better(heap[i], heap[worst], scores)) {
                swap(heap, i, worst);
                i = worst;
            } else {
                return;
            }
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
