/**
 * The contract of bloomfit: the SPIs plugin authors implement ({@code HashFunction}, {@code EmbeddingCompressor},
 * {@code Trainer}), the types they mention, and the name-keyed plugin registry. Requires {@code java.base} only,
 * so a plugin compiled against it (with {@code provided} scope) sees nothing of the framework, the runner or
 * any engine.
 */
module io.bloomfit.api {
    exports io.bloomfit.api.data;
    exports io.bloomfit.api.embed;
    exports io.bloomfit.api.hash;
    exports io.bloomfit.api.plugin;
    exports io.bloomfit.api.train;

    uses io.bloomfit.api.hash.HashFunction;
    uses io.bloomfit.api.embed.EmbeddingCompressor;
    uses io.bloomfit.api.train.Trainer;
}
