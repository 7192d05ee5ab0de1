package io.bloomfit.store.jdbc;

import io.bloomfit.api.train.TrainedModel;
import io.bloomfit.api.train.TrainingListener;
import io.bloomfit.experiment.ExperimentListener;
import io.bloomfit.experiment.GridPoint;
import io.bloomfit.experiment.ResultRow;

import java.io.IOException;
import java.util.List;

/**
 * Records an experiment's progress in its {@link ExperimentDatabase} (the grid's size, {@code point-started} and
 * {@code epoch} events; {@code point-finished} is recorded by {@link JdbcResultStore#append} with the row) and
 * passes everything on to another listener. A database that fails while recording progress does not stop the
 * training: progress events are informative, the rows are what counts.
 */
public final class RecordingListener implements ExperimentListener {

    private final ExperimentDatabase database;
    private final String experimentId;
    private final ExperimentListener delegate;

    public RecordingListener(ExperimentDatabase database, String experimentId, ExperimentListener delegate) {
        this.database = database;
        this.experimentId = experimentId;
        this.delegate = delegate == null ? ExperimentListener.NONE : delegate;
    }

    @Override
    public void started(List<GridPoint> points, int skipped) {
        quietly(() -> database.setTotal(experimentId, points.size() + skipped));
        delegate.started(points, skipped);
    }

    @Override
    public TrainingListener pointStarted(GridPoint point, int index, int total) {
        quietly(() -> database.addEvent(experimentId, EventKind.POINT_STARTED, EventJson.pointStarted(point, index,
                total)));
        TrainingListener next = delegate.pointStarted(point, index, total);
        TrainingListener training = next == null ? TrainingListener.NONE : next;
        return new TrainingListener() {
            private volatile double examplesPerSecond = Double.NaN;

            @Override
            public void epochStarted(int epoch, int epochs, long steps) {
                training.epochStarted(epoch, epochs, steps);
            }

            @Override
            public void stepFinished(int epoch, long step, long steps, double meanLoss, double examplesPerSecond) {
                this.examplesPerSecond = examplesPerSecond;
                training.stepFinished(epoch, step, steps, meanLoss, examplesPerSecond);
            }

            @Override
            public void epochFinished(int epoch, int epochs, double meanLoss, double seconds) {
                quietly(() -> database.addEvent(experimentId, EventKind.EPOCH, EventJson.epoch(point, epoch, epochs,
                        meanLoss, examplesPerSecond)));
                training.epochFinished(epoch, epochs, meanLoss, seconds);
            }

            @Override
            public boolean stopRequested() {
                return training.stopRequested();
            }
        };
    }

    @Override
    public void modelFitted(GridPoint point, TrainedModel model) throws IOException {
        delegate.modelFitted(point, model);
    }

    @Override
    public void pointFinished(ResultRow row, int index, int total) {
        delegate.pointFinished(row, index, total);
    }

    @Override
    public void pointCancelled(GridPoint point, int index, int total) {
        delegate.pointCancelled(point, index, total);
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
