/**
 * CONTRACT package: the data types the SPIs mention, and nothing more. {@link io.bloomfit.api.data.Interactions} is
 * (user, item) interactions over dense indices with optional ratings and timestamps, in parallel primitive arrays;
 * {@link io.bloomfit.api.data.UserItems} its per-user compressed row view.
 *
 * <p>What an implementation (a trainer, an evaluator) may rely on: indices are in range (checked on construction),
 * the arrays never change after construction, and each user's items in {@code UserItems} are sorted ascending.
 * What it must guarantee: it never writes to the shared arrays. Loaders, splits and synthetic data live in the
 * framework ({@code io.bloomfit.data} in {@code core}), not here.
 *
 * <p>Depends on the JDK ({@code java.base}) only; names and signatures here are stable (add, never rename).
 */
package io.bloomfit.api.data;
