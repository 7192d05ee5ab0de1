/**
 * Contract package: how providers are named and found. Plugin authors and every module of bloomfit read these
 * types; they change only by addition.
 *
 * <p>What lives here: {@link io.bloomfit.api.plugin.PluginName} (the rule every provider name follows), {@link
 * io.bloomfit.api.plugin.NamedProviders} (the providers of one SPI keyed by name, as a host hands them out),
 * {@link io.bloomfit.api.plugin.PluginLookup} (the registries in use, by SPI) and {@link
 * io.bloomfit.api.plugin.UnknownPluginException} (the typed user error for a name no registry holds).
 *
 * <p>No class loading and no registry state live here: discovering providers, opening drop-in plugins in
 * isolated class loaders and the registries an application passes around belong to the host
 * ({@code io.bloomfit.host}), as Trino keeps plugin loading out of its SPI.
 *
 * <p>Depends on the JDK ({@code java.base}) only, and on no other bloomfit package.
 */
package io.bloomfit.api.plugin;
