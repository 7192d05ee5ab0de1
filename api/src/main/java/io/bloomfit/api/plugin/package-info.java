/**
 * Contract package: finding providers by name and loading drop-in plugins. Plugin authors and every module of
 * bloomfit read these types; they change only by addition.
 *
 * <p>What lives here: {@link io.bloomfit.api.plugin.PluginRegistry} (the providers of one SPI keyed by a name
 * that follows {@link io.bloomfit.api.plugin.PluginName#RULE}; the shared, process-wide registries behind
 * {@code HashFunctions}, {@code EmbeddingCompressors} and {@code Trainers}), {@link
 * io.bloomfit.api.plugin.PluginDirectory} (the plugins directory: each plugin, a jar or a sub-directory of jars,
 * gets one isolated, child-first class loader that sees only {@code io.bloomfit.api} and the JDK from the host,
 * after Trino's plugin class loader), {@link io.bloomfit.api.plugin.PluginSource} (where a provider came from),
 * {@link io.bloomfit.api.plugin.PluginProblem} (a plugin or provider that was skipped, and why) and {@link
 * io.bloomfit.api.plugin.UnknownPluginException} (the typed user error for a name no registry holds).
 *
 * <p>Guarantees: loading never fails because of a plugin (problems are reported and the plugin skipped); a
 * built-in provider wins over a plugin of the same name; the shared registries are loaded once per process
 * (until {@link io.bloomfit.api.plugin.PluginRegistry#resetShared()}) and open the plugin directory once.
 *
 * <p>Depends on the JDK ({@code java.base}) only, and on no other bloomfit package: the SPIs themselves live in
 * {@code io.bloomfit.api.hash}, {@code io.bloomfit.api.embed} and {@code io.bloomfit.api.train}, which use this
 * package, not the other way round.
 */
package io.bloomfit.api.plugin;
