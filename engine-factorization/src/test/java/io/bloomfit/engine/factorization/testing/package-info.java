/**
 * Test fixtures shared by the engines' tests (published as this module's test jar): planted data with a known
 * structure, a hand-worked combiner case, and a listener that cancels a fit after N steps. Test scope only;
 * depends on the api alone.
 */
package io.bloomfit.engine.factorization.testing;
