package io.bloomfit.experiment;

import java.util.List;
import java.util.Optional;

/**
 * What a spec would run, without running it ({@link ExperimentRun#plan()}): every point in run order (the grid,
 * then the reference rankers of every repeat), sized on the spec's data.
 *
 * @param name            the spec's name
 * @param dataDescription what the data is (it was loaded and split to size the layouts)
 * @param points          every point, in run order
 * @param parallel        points in flight at once in the run this plans
 */
public record PlannedRun(String name, String dataDescription, List<PlannedPoint> points, int parallel) {

    public PlannedRun {
        points = List.copyOf(points);
    }

    /** Points that fit a model (all but the reference rankers). */
    public long trained() {
        return points.stream().filter(p -> !p.point().reference()).count();
    }

    /** The untrained reference rankers. */
    public long references() {
        return points.size() - trained();
    }

    /** The points whose layouts cannot be built. */
    public List<PlannedPoint> unsized() {
        return points.stream().filter(p -> !p.sized()).toList();
    }

    /** The trainable floats of every sized point together. */
    public long totalParameters() {
        return points.stream().mapToLong(PlannedPoint::parameters).sum();
    }

    /** The point that needs the most heap, if any point was sized. */
    public Optional<PlannedPoint> largest() {
        return points.stream().filter(PlannedPoint::sized)
                .max((a, b) -> Long.compare(a.memory().bytes(), b.memory().bytes()));
    }

    /** The heap the run needs at its peak: its largest point times the points in flight. */
    public long peakBytes() {
        return largest().map(p -> p.memory().bytes() * parallel).orElse(0L);
    }
}
