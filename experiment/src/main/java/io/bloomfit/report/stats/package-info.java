/**
 * Statistics over the repeats of a grid group: {@link io.bloomfit.report.stats.StudentT} (Student's t distribution,
 * computed here from the regularised incomplete beta function, no library), {@link
 * io.bloomfit.report.stats.MeanInterval} (mean, sample standard deviation and 95% t interval of one group) and
 * {@link io.bloomfit.report.stats.PairedComparison} (a group against {@code plain} over the same repeats: difference
 * of means, its 95% interval, paired t-test p-value, and whether the difference is within noise).
 *
 * <p>Depends on the JDK only; {@code io.bloomfit.report} uses it, nothing here knows about rows or reports.
 */
package io.bloomfit.report.stats;
