package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code bloom-sum}: the layout of {@code bloom} with {@code combiner: sum} (same table, same rows for the same
 * request, the k rows summed instead of averaged), under the name it had before compressors took options, so that
 * specs, result rows and saved models naming it keep their meaning. It takes no options of its own.
 */
public final class BloomSumCompressor implements EmbeddingCompressor {

    public static final String NAME = "bloom-sum";

    private final BloomCompressor delegate = new BloomCompressor(NAME, Combiner.SUM);

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
