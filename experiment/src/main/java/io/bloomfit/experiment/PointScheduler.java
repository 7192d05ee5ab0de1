package io.bloomfit.experiment;

import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import java.io.IOException;
import java.util.List;

/**
 * How the points of a run are executed: one after another or several at once in this JVM
 * ({@link LocalPointScheduler}), or elsewhere (tasks on a cluster). Each point goes in, one {@link ResultRow}
 * comes out; what a point does is {@link PointRunner}'s business, where it runs is the scheduler's.
 *
 * <p>An implementation must guarantee:
 * <ul>
 *   <li>every point of {@code points} runs at most once, and each finished point's row goes to
 *       {@link PointSink#finished} as soon as that point finishes (not when all have), so an interrupted run keeps
 *       every finished point;</li>
 *   <li>a point's own failure never stops the others (it is a {@code failed} row, made by {@link PointRunner});</li>
 *   <li>once {@code cancellation} is cancelled, no further point starts, the fits in progress are asked to stop
 *       (locally: {@link Cancellation#guard} around the point's listener), and a point whose fit stopped gives no
 *       row ({@link PointSink#cancelled} instead);</li>
 *   <li>{@link #run} returns only when no point of this call is running any more; an {@link IOException} from the
 *       sink cancels the rest and is rethrown.</li>
 * </ul>
 */
public interface PointScheduler {

    /** Runs {@code points} (in this order where they run one at a time), handing rows to {@code sink}. */
    void run(List<GridPoint> points, PointSink sink, Cancellation cancellation) throws IOException;
}
