package io.bloomfit.experiment.spec;

/**
 * One thing wrong with an experiment spec, located by its field path (e.g. {@code grid.hash[2]}) so the user
 * can find and fix it without reading a stack trace.
 *
 * @param path    dotted field path with list indices, e.g. {@code model.epochs} or {@code grid.ratio[1]}
 * @param message what is wrong and what would be accepted
 */
public record SpecProblem(String path, String message) {

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
