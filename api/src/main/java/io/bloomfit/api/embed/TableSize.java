package io.bloomfit.api.embed;

import io.bloomfit.api.embed.LayoutRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The row count {@code m = max(1, ceil(ratio * n))} of a hashed table.
 *
 * <p>Computed on the decimal the ratio prints as ({@link BigDecimal#valueOf(double)}), not on the binary
 * product: {@code 0.07 * 100} is {@code 7.000000000000001} in doubles, whose ceiling would silently give a user
 * who asked for 7 rows 8.
 */
public final class TableSize {

    private TableSize() {
    }

    /** {@code max(1, ceil(ratio * numEntities))} of {@code request}. */
    public static int hashedRows(LayoutRequest request) {
        BigDecimal exact = BigDecimal.valueOf(request.ratio()).multiply(BigDecimal.valueOf(request.numEntities()));
        BigDecimal rows = exact.setScale(0, RoundingMode.CEILING);
        if (rows.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE - 8L)) > 0) {
            throw new IllegalArgumentException("ratio " + request.ratio() + " with numEntities "
                    + request.numEntities() + " asks for " + rows + " rows; at most " + (Integer.MAX_VALUE - 8)
                    + " fit in one table: lower ratio");
        }
        return Math.max(1, rows.intValue());
    }
}
