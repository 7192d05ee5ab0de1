package io.bloomfit.experiment;

import io.bloomfit.api.embed.CollisionStats;
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

    static LayoutStats of(EmbeddingLayout layout) {
        CollisionStats c = layout.collisionStats();
        return new LayoutStats(layout.numEntities(), layout.totalRows(), layout.achievedRatio(),
                c.entitiesSharingSignature(), c.sharedFraction(), c.maxEntitiesPerRow(), c.meanEntitiesPerRow());
    }
}
