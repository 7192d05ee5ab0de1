/**
 * The host of bloomfit's plugins: finds the built-in providers of every SPI, opens drop-in plugins (a jar, or a
 * directory of jars) each in an isolated class loader that sees only {@code io.bloomfit.api} and the JDK from
 * the application, and keeps the registries ({@code Plugins}) an application passes around. Plugin authors never
 * compile against it.
 */
module io.bloomfit.host {
    requires transitive io.bloomfit.api;

    exports io.bloomfit.host;

    uses io.bloomfit.api.hash.HashFunction;
    uses io.bloomfit.api.embed.EmbeddingCompressor;
    uses io.bloomfit.api.train.Trainer;
}
