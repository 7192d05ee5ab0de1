package io.bloomfit.experiment.grid;

import io.bloomfit.layout.CollisionStats;
import io.bloomfit.api.embed.EmbeddingLayout;

/**
 * What a result row keeps of one side's layout: its size and how much entities share rows.
 *
 * @param entities                 users or items
 * @param rows                     table rows over all tables
 * @param achievedRatio            rows per entity actually reached
 * @param entitiesSharingSignature entities indistinguishable from another entity
 * @param sharedFraction           that count over all entities
 * @param maxEntitiesPerRow        the most entities reading one row
 * @param meanEntitiesPerRow       mean entities per used row
 */
public record LayoutStats(long entities, long rows, double achievedRatio, long entitiesSharingSignature,
                          double sharedFraction, long maxEntitiesPerRow, double meanEntitiesPerRow) {

    public static LayoutStats of(EmbeddingLayout layout) {
        CollisionStats c = CollisionStats.of(layout);
        return new LayoutStats(layout.numEntities(), layout.totalRows(), layout.achievedRatio(),
                c.entitiesSharingSignature(), c.sharedFraction(), c.maxEntitiesPerRow(), c.meanEntitiesPerRow());
    }
}
