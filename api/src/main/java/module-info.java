/**
 * The contract of bloomfit: the SPIs plugin authors implement ({@code HashFunction}, {@code EmbeddingCompressor},
 * {@code Trainer}), the types they mention, and the small lookup interfaces through which a host hands out its
 * registries ({@code NamedProviders}, {@code PluginLookup}). Requires {@code java.base} only and holds no class
 * loading and no registry state, so a plugin compiled against it (with {@code provided} scope) sees nothing of
 * the framework, the host, the runner or any engine.
 */
module io.bloomfit.api {
    exports io.bloomfit.api.data;
    exports io.bloomfit.api.embed;
    exports io.bloomfit.api.hash;
    exports io.bloomfit.api.plugin;
    exports io.bloomfit.api.train;
}
