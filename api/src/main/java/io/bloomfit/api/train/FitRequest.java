package io.bloomfit.api.train;

import io.bloomfit.api.data.Interactions;
import io.bloomfit.api.embed.EmbeddingLayout;

import java.util.Objects;

/**
 * Everything a trainer needs for one fit. The layouts decide which side is compressed: an uncompressed side
 * simply has a {@code plain} layout. Trainers must treat every layout alike, never special-casing a
 * compressor by name.
 *
 * @param model      hyperparameters
 * @param train      training interactions
 * @param userLayout index map of the user embeddings; covers {@code train.numUsers()} entities
 * @param itemLayout index map of the item embeddings; covers {@code train.numItems()} entities
 */
public record FitRequest(ModelSpec model, Interactions train, EmbeddingLayout userLayout,
                         EmbeddingLayout itemLayout) {

    public FitRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(userLayout, "userLayout");
        Objects.requireNonNull(itemLayout, "itemLayout");
        if (userLayout.numEntities() != train.numUsers()) {
            throw new IllegalArgumentException("user layout covers " + userLayout.numEntities()
                    + " users but the data has " + train.numUsers());
        }
        if (itemLayout.numEntities() != train.numItems()) {
            throw new IllegalArgumentException("item layout covers " + itemLayout.numEntities()
                    + " items but the data has " + train.numItems());
        }
    }
}
