/**
 * Ranking metrics and the full-ranking evaluator: every item ranked per test user with the user's training items
 * excluded, ties averaged, cold-start users and items counted and left out.
 *
 * <p>May depend on {@code io.bloomfit.api} (interactions, trained models) and the JDK only.
 */
package io.bloomfit.eval;
