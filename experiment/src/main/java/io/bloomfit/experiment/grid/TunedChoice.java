package io.bloomfit.experiment.grid;

/**
 * What tuning chose for one grid point, recorded with its result row ({@code tuned: {learningRate, l2, epochs}} and
 * {@code validation_score}).
 *
 * @param learningRate    the chosen learning rate
 * @param l2              the chosen l2 penalty
 * @param epochs          the epochs the refit on the whole training part ran (the best epoch on validation)
 * @param validationScore the tune metric on the validation part at that epoch
 */
public record TunedChoice(double learningRate, double l2, int epochs, double validationScore) {
}
