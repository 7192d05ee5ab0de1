/**
 * The REST server: resources under {@code /api}, every error as an RFC 9457 problem body ({@link
 * io.bloomfit.server.ProblemMapper}: 4xx only for errors the client can fix, 500 for the server's own faults).
 * It reuses the plugin registries of {@code io.bloomfit.api} and the spec, runner and stores of
 * {@code io.bloomfit.experiment}; nothing here computes results of its own.
 *
 * <p>May depend on {@code api}, {@code core}, {@code experiment}, the plugins and engines it bundles, and Quarkus
 * (REST, Jackson); nothing depends on this package.
 */
package io.bloomfit.server;
