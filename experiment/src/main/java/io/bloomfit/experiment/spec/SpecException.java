package io.bloomfit.experiment.spec;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The spec cannot run as written. Thrown before any grid point starts, carrying every problem found (not just
 * the first), each with its field path. The CLI prints the message and exits with code 2.
 */
public final class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<SpecProblem> problems;

    public SpecException(String source, List<SpecProblem> problems) {
        super(describe(source, problems));
        this.problems = List.copyOf(problems);
    }

    public SpecException(String source, String path, String message) {
        this(source, List.of(new SpecProblem(path, message)));
    }

    private static String describe(String source, List<SpecProblem> problems) {
        String prefix = source == null || source.isEmpty() ? "" : source + ": ";
        if (problems.size() == 1) {
            return prefix + problems.get(0);
        }
        return prefix + problems.size() + " problems\n" + problems.stream().map(p -> "  " + p)
                .collect(Collectors.joining("\n"));
    }

    /** Every problem, in the order of the spec's fields. */
    public List<SpecProblem> problems() {
        return problems;
    }
}
