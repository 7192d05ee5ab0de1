/**
 * CONTRACT package: the embedding compressor SPI and the layouts compressors build.
 * {@link io.bloomfit.api.embed.EmbeddingCompressor} is what a compressor plugin implements: from a
 * {@link io.bloomfit.api.embed.LayoutRequest} and the hash function the caller resolved, it builds an immutable
 * {@link io.bloomfit.api.embed.EmbeddingLayout} (tables, rows and weights per entity, a
 * {@link io.bloomfit.api.embed.Combiner}) and may declare its {@link io.bloomfit.api.embed.CompressorTraits} and
 * the named options it takes ({@link io.bloomfit.api.plugin.PluginOption}; the request carries their values). A
 * layout is one variant per {@link io.bloomfit.api.embed.LookupKind} (plain rows, weighted rows, trainable-weight
 * rows, concatenated blocks, an encoder network), which trainers interpret by exhaustive switches.
 * {@link io.bloomfit.api.embed.Layouts#build} is the one way callers build a layout.
 * {@link io.bloomfit.api.embed.TableSize} and {@link io.bloomfit.api.embed.SeedSequence} are the table size and the
 * per-lookup seeds every hashing compressor uses. (What a layout makes entities share is analysed outside the
 * contract, in core's {@code io.bloomfit.layout}.)
 *
 * <p>What an implementation may rely on: the request is validated ({@code LayoutRequest}'s constructor); the hash
 * function it is handed is the one the request names, resolved in the registry the caller uses (a compressor never
 * looks one up itself); {@code TableSize} and {@code SeedSequence} never change their arithmetic, because saved
 * models rebuild their layouts from the request. What it must guarantee: the same request (options included) and
 * hash give the same layout, declared traits describe what the layout really does, and a declared option keeps its
 * name, type and default once results or models name it.
 *
 * <p>Depends on the JDK ({@code java.base}), {@code io.bloomfit.api.hash} and {@code io.bloomfit.api.plugin} only;
 * names and signatures here are stable (add, never rename).
 */
package io.bloomfit.api.embed;
