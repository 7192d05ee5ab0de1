/**
 * Test fixtures shared by the engines' tests (published as this module's test jar): planted data with a known
 * structure and a hand-worked combiner case. Test scope only; depends on the api alone.
 */
package io.bloomfit.engine.factorization.testing;
