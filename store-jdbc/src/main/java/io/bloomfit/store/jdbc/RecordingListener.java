package io.bloomfit.store.jdbc;

import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.grid.ExperimentListener;
import io.bloomfit.experiment.grid.ForwardingExperimentListener;
import io.bloomfit.experiment.grid.ForwardingTrainingListener;
import io.bloomfit.experiment.grid.GridPoint;

import java.util.List;

/**
 * Records an experiment's progress in its {@link ExperimentDatabase} (the grid's size, {@code point-started} and
 * {@code epoch} events; {@code point-finished} is recorded by {@link JdbcResultStore#append} with the row) and
 * passes everything on to another listener. A database that fails while recording progress does not stop the
 * training: progress events are informative, the rows are what counts.
 */
public final class RecordingListener extends ForwardingExperimentListener {

    private final ExperimentDatabase database;
    private final String experimentId;

    public RecordingListener(ExperimentDatabase database, String experimentId, ExperimentListener delegate) {
        super(delegate);
        this.database = database;
        this.experimentId = experimentId;
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        quietly(() -> database.setTotal(experimentId, points.size() + skipped));
        super.started(points, skipped);
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        quietly(() -> database.addEvent(experimentId, EventKind.POINT_STARTED, EventJson.pointStarted(point, index,
                total)));
        TrainingListener training = super.pointStarted(point, index, total);
        return new ForwardingTrainingListener(training) {
            private volatile double examplesPerSecond = Double.NaN;

            @Override
            public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
                this.examplesPerSecond = examplesPerSecond;
                super.stepFinished(epoch, step, steps, meanLoss, examplesPerSecond);
            }

            @Override
            public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                quietly(() -> database.addEvent(experimentId, EventKind.EPOCH, EventJson.epoch(point, epoch, epochs,
                        meanLoss, examplesPerSecond)));
                super.epochFinished(epoch, epochs, meanLoss, seconds);
            }
        };
    }

    private static void quietly(Runnable write) {
        try {
            write.run();
        } catch (StoreException e) {
            System.getLogger(RecordingListener.class.getName()).log(System.Logger.Level.WARNING,
                    "progress not recorded: " + e.getMessage());
        }
    }
}
