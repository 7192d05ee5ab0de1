package io.bloomfit.experiment;

import io.bloomfit.experiment.spec.ExperimentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java heap a layout, a model and an evaluation need, estimated from their sizes before anything is
 * allocated, so that a run too big for the heap is refused with the estimate and the fix instead of dying with
 * {@link OutOfMemoryError} minutes later.
 *
 * <p>What is counted (bytes): a layout's row indices ({@code 4 n k}) and its collision statistics (a 64-bit
 * fingerprint per entity, a sort buffer of the same size, and a 32-bit count per row and core: {@code 16 n +
 * 4 m cores}); a model's float tables and biases four times over (the values, Adam's two moments, and the
 * gradient or the copy an engine hands back: {@code 16 (rows d + users + items)}); an evaluation's score buffers
 * (one float and one int per item for every core, and a batch of {@value #SCORING_BATCH} users' scores). It is a
 * lower bound of the peak, not an exact figure: engines with native memory (DJL) need that besides the heap.
 *
 * @param parts what needs memory, e.g. {@code "row indices 8.0 GB"}, in the order they are allocated
 * @param bytes the sum
 */
public record MemoryEstimate(List<String> parts, long bytes) {

    /** Users scored at once by an evaluation. */
    static final int SCORING_BATCH = 256;
    /** The most elements a Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    public MemoryEstimate {
        parts = List.copyOf(parts);
    }

    /** Builds an estimate part by part. */
    private static final class Parts {
        final List<String> parts = new ArrayList<>();
        long bytes;

        Parts add(String what, double size) {
            long b = (long) Math.min(Long.MAX_VALUE / 4, Math.ceil(size));
            parts.add(what + " " + human(b));
            bytes += b;
            return this;
        }

        MemoryEstimate done() {
            return new MemoryEstimate(parts, bytes);
        }
    }

    /** A layout of {@code entities} with {@code k} lookups into {@code rows} table rows, and its statistics. */
    public static MemoryEstimate layout(long entities, int k, long rows) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Parts().add("row indices", 4.0 * entities * k)
                .add("collision statistics", 16.0 * entities + 4.0 * rows * cores).done();
    }

    /**
     * The largest grid point of {@code spec} on data of {@code users} x {@code items}: its layouts (the plain
     * baseline's are the biggest), model and evaluation.
     */
    public static MemoryEstimate experiment(ExperimentSpec spec, int users, int items) {
        int d = spec.model().architecture().dimension();
        int k = spec.grid().numHashes().stream().mapToInt(Integer::intValue).max().orElse(1);
        int cores = Runtime.getRuntime().availableProcessors();
        double rows = (double) users + items;
        return new Parts().add("layouts", 4.0 * (users + items) * Math.max(1, k) + 16.0 * (users + items)
                        + 4.0 * rows * cores)
                .add("model (tables, biases, optimizer state, gradients; dimension " + d + ")",
                        16.0 * (rows * d + users + items))
                .add("evaluation buffers", evaluationBuffers(items)).done();
    }

    /**
     * One grid point whose layouts are built: their index maps ({@code indexBytes}) and collision statistics over
     * {@code tableRows}, a model of {@code parameters} floats (with biases, optimizer state and gradients, as in
     * {@link #experiment}) and its evaluation's buffers.
     */
    public static MemoryEstimate point(long indexBytes, long tableRows, long parameters, int users, int items) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Parts().add("layouts", indexBytes + 16.0 * ((long) users + items) + 4.0 * tableRows * cores)
                .add("model (tables, biases, optimizer state, gradients)", 16.0 * (parameters + users + items))
                .add("evaluation buffers", evaluationBuffers(items)).done();
    }

    /** An untrained reference ranker: its evaluation's buffers only. */
    public static MemoryEstimate reference(int items) {
        return new Parts().add("evaluation buffers", evaluationBuffers(items)).done();
    }

    private static double evaluationBuffers(int items) {
        return 8.0 * items * Runtime.getRuntime().availableProcessors() + 4.0 * SCORING_BATCH * items;
    }

    /** The heap this JVM may still use: its maximum less what is in use now. */
    public static long availableHeap() {
        Runtime r = Runtime.getRuntime();
        return r.maxMemory() - (r.totalMemory() - r.freeMemory());
    }

    /**
     * Fails unless the estimate fits in {@link #availableHeap()}.
     *
     * @param what         what is being sized, e.g. {@code layout bloom of 2,000,000,000 entities}
     * @param smallerInput how the input can be made smaller, e.g. {@code a smaller --ratio or -k}
     * @throws InsufficientMemoryException with the estimate, the heap available and the fix
     */
    public void requireFits(String what, String smallerInput) {
        long available = availableHeap();
        if (bytes <= available) {
            return;
        }
        long max = Runtime.getRuntime().maxMemory();
        long wanted = (long) Math.ceil((bytes + (max - available)) * 1.25 / (1L << 30));
        throw new InsufficientMemoryException(what + " needs about " + human(bytes) + " of Java heap (" + String.join(
                ", ", parts) + "), but " + human(available) + " is available (maximum heap " + human(max)
                + "); give the JVM more with JAVA_OPTS=-Xmx" + Math.max(1, wanted) + "g, or use " + smallerInput);
    }

    /**
     * Fails when one array would need more than {@value #MAX_ARRAY} elements: no heap can hold it.
     *
     * @throws InsufficientMemoryException naming the count and the fix
     */
    public static void requireArray(String what, double elements, String smallerInput) {
        if (elements > MAX_ARRAY) {
            throw new InsufficientMemoryException(String.format(Locale.ROOT, "%s needs %,.0f entries in one array, "
                    + "more than a Java array holds (%,d); use %s", what, elements, MAX_ARRAY, smallerInput));
        }
    }

    /** A byte count for people: 8589934592 -> 8.0 GB. */
    public static String human(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
}
