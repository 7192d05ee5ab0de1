package io.bloomfit.engine.factorization.model;

/** Rows and width of each {@link TableId}. */
public record TableShapes(int[] rows, int[] widths) {

    public int rows(TableId table) {
        return rows[table.ordinal()];
    }

    public int width(TableId table) {
        return widths[table.ordinal()];
    }

    public long floats(TableId table) {
        return (long) rows(table) * width(table);
    }

    public long totalFloats() {
        long total = 0;
        for (TableId t : TableId.values()) {
            total += floats(t);
        }
        return total;
    }
}
