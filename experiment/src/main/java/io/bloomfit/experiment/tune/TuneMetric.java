package io.bloomfit.experiment.tune;

import io.bloomfit.api.train.SpecName;
import io.bloomfit.experiment.grid.RankingMetrics;

/** The ranking metric tuning maximises on the validation part: any metric a result row reports. */
public enum TuneMetric {
    MRR,
    PRECISION_AT_10,
    RECALL_AT_10,
    NDCG_AT_10;

    /** The spec name, e.g. {@code ndcg-at-10}. */
    public String specName() {
        return SpecName.of(this);
    }

    /** This metric's value in {@code metrics}. */
    public double of(RankingMetrics metrics) {
        return switch (this) {
            case MRR -> metrics.mrr();
            case PRECISION_AT_10 -> metrics.precisionAt10();
            case RECALL_AT_10 -> metrics.recallAt10();
            case NDCG_AT_10 -> metrics.ndcgAt10();
        };
    }
}
