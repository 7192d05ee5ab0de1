package io.bloomfit.embed;

import io.bloomfit.api.embed.Combiner;
import io.bloomfit.api.embed.CompressorTraits;
import io.bloomfit.api.embed.EmbeddingCompressor;
import io.bloomfit.api.embed.EmbeddingLayout;
import io.bloomfit.api.embed.LayoutRequest;
import io.bloomfit.api.hash.HashFunction;

import java.util.Optional;

/**
 * {@code bloom-sum}: the {@code bloom} layout (same table, same rows for the same request) whose k rows are
 * summed instead of averaged, to measure the paper's claim that the mean matters. A separate name rather than
 * a request option: see {@link BloomCompressor}.
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
