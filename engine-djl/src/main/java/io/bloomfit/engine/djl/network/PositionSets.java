package io.bloomfit.engine.djl.network;

/**
 * A batch of position sets back to back, without padding: set {@code s} is
 * {@code positions[offsets[s] .. offsets[s + 1])}.
 *
 * @param positions every set's distinct positions, set after set
 * @param offsets   start of each set, then the end of the last ({@code examples + 1} entries)
 */
public record PositionSets(int[] positions, int[] offsets) {

    public PositionSets {
        if (offsets.length < 1 || offsets[0] != 0 || offsets[offsets.length - 1] != positions.length) {
            throw new IllegalArgumentException("offsets must run from 0 to " + positions.length);
        }
    }

    /** Sets in the batch. */
    public int examples() {
        return offsets.length - 1;
    }

    /** Positions of set {@code s}. */
    public int size(int s) {
        return offsets[s + 1] - offsets[s];
    }
}
