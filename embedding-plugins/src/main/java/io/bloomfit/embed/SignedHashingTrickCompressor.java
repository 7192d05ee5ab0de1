package io.bloomfit.embed;

import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code hashing-trick-signed}: the layout of {@code hashing-trick} with {@code signed: true} (its rows with a
 * {@code +1}/{@code -1} weight per entity from an independent hash; see {@link HashingTrickCompressor}), under the
 * name it had before compressors took options, so that specs, result rows and saved models naming it keep their
 * meaning. It takes no options of its own.
 */
public final class SignedHashingTrickCompressor implements EmbeddingCompressor {

    public static final String NAME = "hashing-trick-signed";

    private final HashingTrickCompressor delegate = new HashingTrickCompressor(NAME, true);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmbeddingLayout layout(LayoutRequest request, HashFunction hash) {
        return delegate.layout(request, hash);
    }

    @Override
    public Optional<CompressorTraits> traits() {
        return delegate.traits();
    }
}
