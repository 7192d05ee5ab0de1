package io.bloomfit.spark;

import java.io.Serializable;

/**
 * What one task sends back to the driver: the point's row and where and how it ran.
 *
 * @param rowJson      the row as {@link io.bloomfit.experiment.grid.ResultRowJson#write} wrote it
 * @param executor     the Spark executor id the task ran on ({@code driver} in local mode)
 * @param host         that executor's host
 * @param setupSeconds task start to fit start: runner setup (data and warm-up on the first task of a JVM),
 *                     layouts; NaN when the fit never started
 * @param taskSeconds  task start to task end, on the executor
 */
public record TaskOutcome(String rowJson, String executor, String host, double setupSeconds, double taskSeconds)
        implements Serializable {

    private static final long serialVersionUID = 1L;
}
