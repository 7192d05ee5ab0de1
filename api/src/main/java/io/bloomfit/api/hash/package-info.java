/**
 * CONTRACT package: the hash function SPI. {@link io.bloomfit.api.hash.HashFunction} is what a hash plugin
 * implements; a host looks providers up by name ({@link io.bloomfit.api.plugin.NamedProviders}).
 *
 * <p>What an implementation may rely on: it is called from many threads at once (layouts are built in parallel),
 * with any 64-bit key and seed; it is found through {@link java.util.ServiceLoader} when it is listed in both its
 * {@code module-info} ({@code provides}) and {@code META-INF/services/io.bloomfit.api.hash.HashFunction}; its
 * {@code name()} is written into results and saved models, so it must never change. What it must guarantee: the
 * same value for the same {@code (key, seed)} on every run, JVM and machine.
 *
 * <p>Depends on the JDK ({@code java.base}) and {@code io.bloomfit.api.plugin} only; names and signatures here are
 * stable (add, never rename).
 */
package io.bloomfit.api.hash;
