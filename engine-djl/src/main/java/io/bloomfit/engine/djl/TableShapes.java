package io.bloomfit.engine.djl;

/** Rows and width of each {@link TableId}. */
record TableShapes(int[] rows, int[] widths) {

    int rows(TableId table) {
        return rows[table.ordinal()];
    }

    int width(TableId table) {
        return widths[table.ordinal()];
    }

    long floats(TableId table) {
        return (long) rows(table) * width(table);
    }

    long totalFloats() {
        long total = 0;
        for (TableId t : TableId.values()) {
            total += floats(t);
        }
        return total;
    }
}
