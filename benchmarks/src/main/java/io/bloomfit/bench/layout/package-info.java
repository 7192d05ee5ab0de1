/**
 * Layout building speed and collision statistics of the compressors ({@code embedding-plugins}). Depends on the
 * api and the plugins.
 */
package io.bloomfit.bench.layout;
