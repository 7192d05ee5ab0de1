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
        var a = spec.model().architecture();
        var o = spec.model().optimization();
        return dataDescription + "; " + a.kind().specName() + ", loss " + a.loss().specName() + ", dimension "
                + a.dimension() + ", " + o.epochs() + " epochs, batch " + o.batchSize() + ", lr " + o.learningRate()
                + ", " + o.optimizer().specName() + "; trainer " + spec.trainer().name() + " on "
                + spec.trainer().device().specName() + "; timings: " + io.bloomfit.experiment.TrainerWarmUp.HOW_TIMED;
    }
}
