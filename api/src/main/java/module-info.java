/**
 * bloomfit's framework and SPIs: plugin authors depend on this module alone.
 */
module io.bloomfit.api {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires java.management;

    exports io.bloomfit.api.data;
    exports io.bloomfit.api.embed;
    exports io.bloomfit.api.eval;
    exports io.bloomfit.api.experiment;
    exports io.bloomfit.api.hash;
    exports io.bloomfit.api.plugin;
    exports io.bloomfit.api.train;

    uses io.bloomfit.api.hash.HashFunction;
    uses io.bloomfit.api.embed.EmbeddingCompressor;
    uses io.bloomfit.api.train.Trainer;
}
