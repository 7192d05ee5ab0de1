package io.bloomfit.experiment.keep;

/**
 * One recommended item.
 *
 * @param rank  1 for the best item
 * @param item  the item's source id (its dense index as text when the model was kept without an id map)
 * @param score the model's score, higher is better
 */
public record Recommendation(int rank, String item, float score) {
}
