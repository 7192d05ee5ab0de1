/**
 * Where an experiment's interactions come from and how they are divided: {@link io.bloomfit.data.DatasetSpec}
 * (a spec's {@code dataset} section) turned into a {@link io.bloomfit.data.Dataset} by the loaders
 * ({@link io.bloomfit.data.DelimitedLoader} for delimited files, {@link io.bloomfit.data.MovieLensLoader} for every
 * MovieLens release, {@link io.bloomfit.data.DatasetFetcher} downloading and verifying a release into the cache) or
 * by the seeded generator {@link io.bloomfit.data.SyntheticDatasets}; source ids mapped to dense indices by
 * {@link io.bloomfit.data.IdIndex}; and the splits ({@link io.bloomfit.data.SplitSpec}: random, leave-last-out,
 * time-fraction) into a {@link io.bloomfit.data.Split} with no (user, item) pair in two parts. The closed
 * vocabularies of those sections are the enums {@link io.bloomfit.data.DatasetSource} and
 * {@link io.bloomfit.data.SplitKind}. Errors a user's
 * input causes are {@link io.bloomfit.data.DatasetLoadException}s naming the file, line and fix.
 *
 * <p>Depends on {@code io.bloomfit.api} ({@code io.bloomfit.api.data}) and the JDK only (the fetcher uses
 * {@code java.net.HttpURLConnection}); never on experiment, a plugin or an engine.
 */
package io.bloomfit.data;
