package io.bloomfit.layout;

import io.bloomfit.api.embed.EmbeddingLayout;

import java.util.Arrays;

/**
 * How much a layout makes entities share parameters. Two entities with the same signature (the same multiset
 * of weighted rows) get the same embedding whatever training does, so {@link #entitiesSharingSignature()} is
 * the number of entities the model cannot tell apart from some other entity.
 *
 * @param entities                 number of entities
 * @param totalRows                rows over all tables
 * @param entitiesSharingSignature entities whose full k-row signature equals another entity's
 * @param distinctSignatures       number of different signatures
 * @param rowsUsed                 rows looked up by at least one entity
 * @param maxEntitiesPerRow        the most entities that look up one row
 * @param meanEntitiesPerRow       mean entities per used row (an entity that hits a row twice counts once)
 * @param distinctRowsPerEntity    histogram: element d is the number of entities whose k lookups hit d
 *                                 distinct rows (d = 0..k); Bloom lookups of one entity may coincide
 */
public record CollisionStats(long entities, long totalRows, long entitiesSharingSignature, long distinctSignatures,
                             long rowsUsed, long maxEntitiesPerRow, double meanEntitiesPerRow,
                             long[] distinctRowsPerEntity) {

    public CollisionStats {
        distinctRowsPerEntity = distinctRowsPerEntity.clone();
    }

    /**
     * The sharing statistics of {@code layout}: one parallel pass over its entities and a sort of their signatures
     * (for an encoder, of their feature buckets). Exact: a fingerprint collision is never counted as shared.
     */
    public static CollisionStats of(EmbeddingLayout layout) {
        return switch (layout.kind()) {
            case PLAIN_ROWS, WEIGHTED_ROWS, TRAINABLE_WEIGHTS, BLOCKS -> new CollisionCounter(layout).count();
            case ENCODER -> new EncoderCollisions(layout.asEncoder()).count();
        };
    }

    /** Fraction of entities that share their signature with another entity. */
    public double sharedFraction() {
        return entities == 0 ? 0 : (double) entitiesSharingSignature / entities;
    }

    @Override
    public long[] distinctRowsPerEntity() {
        return distinctRowsPerEntity.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CollisionStats c && entities == c.entities && totalRows == c.totalRows
                && entitiesSharingSignature == c.entitiesSharingSignature
                && distinctSignatures == c.distinctSignatures && rowsUsed == c.rowsUsed
                && maxEntitiesPerRow == c.maxEntitiesPerRow
                && Double.compare(meanEntitiesPerRow, c.meanEntitiesPerRow) == 0
                && Arrays.equals(distinctRowsPerEntity, c.distinctRowsPerEntity);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(entities) * 31 + Long.hashCode(entitiesSharingSignature) * 17
                + Arrays.hashCode(distinctRowsPerEntity);
    }

    @Override
    public String toString() {
        return "CollisionStats[entities=" + entities + ", totalRows=" + totalRows + ", entitiesSharingSignature="
                + entitiesSharingSignature + ", distinctSignatures=" + distinctSignatures + ", rowsUsed="
                + rowsUsed + ", maxEntitiesPerRow=" + maxEntitiesPerRow + ", meanEntitiesPerRow="
                + meanEntitiesPerRow + ", distinctRowsPerEntity=" + Arrays.toString(distinctRowsPerEntity) + "]";
    }
}
