package io.bloomfit.report;

import io.bloomfit.experiment.spec.ExperimentSpec;

/** The one-line heading of a report: what data, model and trainer produced the results. */
public final class ReportContext {

    private ReportContext() {
    }

    /**
     * E.g. {@code 943 users, ...; implicit-factorization, loss bpr, dimension 32, 3 epochs, batch 1024, lr 0.01,
     * adam; trainer djl on auto}.
     *
     * @param dataDescription what the data was (see {@link io.bloomfit.experiment.ExperimentData#description()})
     */
    public static String of(ExperimentSpec spec, String dataDescription) {
        var m = spec.model();
        return dataDescription + "; " + m.kind().specName() + ", loss " + m.loss().specName() + ", dimension "
                + m.dimension() + ", " + m.epochs() + " epochs, batch " + m.batchSize() + ", lr " + m.learningRate()
                + ", " + m.optimizer().specName() + "; trainer " + spec.trainer().name() + " on "
                + spec.trainer().device().specName();
    }
}
