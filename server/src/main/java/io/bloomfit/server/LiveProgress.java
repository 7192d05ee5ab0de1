package io.bloomfit.server;

import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.GridPoint;
import io.bloomfit.experiment.grid.ResultRow;
import io.bloomfit.experiment.grid.ResultRowJson;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the running experiment is doing right now, for {@code GET /api/experiments/{id}} ({@code running}): the
 * point in progress, its epoch and loss, the training speed. Updated from the training thread, read from HTTP
 * threads; each snapshot is one immutable object.
 */
final class LiveProgress implements ExperimentListener {

    /** The running point at one moment. */
    record Snapshot(String label, int index, int total, int epoch, int epochs, double loss, double examplesPerSecond) {

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("point", label);
            o.put("index", index);
            o.put("total", total);
            o.put("epoch", epoch);
            o.put("epochs", epochs);
            ResultRowJson.putNumber(o, "loss", loss);
            ResultRowJson.putNumber(o, "examples_per_second", examplesPerSecond);
            return o;
        }
    }

    private final String experimentId;
    private final ServerMetrics metrics;
    private volatile Snapshot current;

    LiveProgress(String experimentId, ServerMetrics metrics) {
        this.experimentId = experimentId;
        this.metrics = metrics;
    }

    String experimentId() {
        return experimentId;
    }

    /** The point in progress, or {@code null} between points. */
    Snapshot current() {
        return current;
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        current = new Snapshot(point.label(), index, total, 0, 0, Double.NaN, Double.NaN);
        return new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, long steps) {
                Snapshot s = current;
                if (s != null) {
                    current = new Snapshot(s.label(), s.index(), s.total(), epoch, epochs, s.loss(),
                            s.examplesPerSecond());
                }
            }

            @Override
            public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
                Snapshot s = current;
                if (s != null) {
                    current = new Snapshot(s.label(), s.index(), s.total(), epoch, s.epochs(), meanLoss,
                            examplesPerSecond);
                }
                metrics.examplesPerSecond(examplesPerSecond);
            }
        };
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        current = null;
        metrics.pointFinished(row.ok());
    }

    @Override
    public void pointCancelled(GridPoint point, int index, int total) {
        current = null;
    }
}
