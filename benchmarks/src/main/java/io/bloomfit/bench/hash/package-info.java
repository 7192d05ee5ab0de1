/**
 * JMH benchmarks and CPU-time measurements of the hash functions ({@code hash-plugins}). Depends on the api and
 * the hash plugins.
 */
package io.bloomfit.bench.hash;
