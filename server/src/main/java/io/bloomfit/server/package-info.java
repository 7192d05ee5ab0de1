/**
 * The REST server: resources under {@code /api}, errors as RFC 9457 problem JSON. It reuses the api module's
 * registries and (as it lands) its experiment runner; nothing here computes results of its own.
 */
package io.bloomfit.server;
