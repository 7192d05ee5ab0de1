package io.bloomfit.experiment.spec;

import java.util.ArrayList;
import java.util.List;

/** The problems found while binding one spec, in the order found; each carries the field path it is about. */
final class SpecProblems {

    private final List<SpecProblem> problems = new ArrayList<>();

    void add(String path, String message) {
        problems.add(new SpecProblem(path, message));
    }

    /** Whether a problem was found at {@code path} or below it ({@code path.x}, {@code path[i]}). */
    boolean hasAt(String path) {
        return problems.stream().anyMatch(p -> p.path().equals(path) || p.path().startsWith(path + ".")
                || p.path().startsWith(path + "["));
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    List<SpecProblem> list() {
        return List.copyOf(problems);
    }
}
