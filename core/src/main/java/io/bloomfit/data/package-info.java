/**
 * Data for experiments: dataset loaders (MovieLens, delimited files) with the fetcher and its cache, built-in
 * synthetic datasets, train/validation/test splits, and the spec records that describe both ({@link
 * io.bloomfit.data.DatasetSpec}, {@link io.bloomfit.data.SplitSpec}, with the closed vocabularies {@link
 * io.bloomfit.data.DatasetSource} and {@link io.bloomfit.data.SplitKind}). Input errors are {@link
 * io.bloomfit.data.DatasetLoadException}s naming file and line.
 *
 * <p>May depend on {@code io.bloomfit.api} (interactions, {@code SpecName}) and the JDK only.
 */
package io.bloomfit.data;
