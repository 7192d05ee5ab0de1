package io.bloomfit.api.embed;

/**
 * A layout whose embeddings a network computes ({@link LookupKind#ENCODER}): entity e's embedding is
 * {@link #encoder()}'s output on e's hash features; there are no row lookups ({@link #row}, {@link #globalRow} and
 * {@link #globalRows} refuse it). DHE is such a layout. Its one "table" is the network's packed parameters viewed as
 * {@code ceil(parameters / dimension)} rows of the dimension, so that trainers size, save and count it like any
 * table. A trainer either trains the network (initialising the packed parameters, computing the forward pass and
 * its gradient) or refuses the layout by name; it must never read the packed parameters as rows. Built by
 * {@link EmbeddingLayout#encoder}.
 */
public final class EncoderLayout extends EmbeddingLayout {

    private final EntityEncoder encoder;

    EncoderLayout(String compressor, LayoutRequest request, int[] tableRows, EntityEncoder encoder) {
        super(compressor, request, tableRows, new int[] {0}, null, Combiner.SUM);
        this.encoder = encoder;
    }

    @Override
    public LookupKind kind() {
        return LookupKind.ENCODER;
    }

    /** The network that computes this layout's embeddings. */
    public EntityEncoder encoder() {
        return encoder;
    }

    /** The network's weights and biases. */
    @Override
    public long parameterCount(int dimension) {
        return encoder.parameterCount();
    }

    /** None: an encoder keeps no index maps. */
    @Override
    public long indexBytes() {
        return 0;
    }
}
