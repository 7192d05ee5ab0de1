package io.bloomfit.api.embed;

/**
 * A way to map entity ids to rows of smaller embedding tables (Bloom embeddings, the hashing trick,
 * quotient-remainder, ...). Compressors only compute index maps; trainers own the tables.
 *
 * <p>Layouts must be a pure function of the request (same request, identical layout), since saved models
 * store the request, not the maps. Providers register through {@link java.util.ServiceLoader} and are looked
 * up by {@link EmbeddingCompressors#forName(String)}.
 */
public interface EmbeddingCompressor {

    /** The stable name users put in specs, e.g. {@code "bloom"}. */
    String name();

    /**
     * Builds the layout for {@code request}.
     *
     * @throws IllegalArgumentException when the request does not suit this compressor; the message names
     *                                  the field and the fix
     */
    EmbeddingLayout layout(LayoutRequest request);
}
