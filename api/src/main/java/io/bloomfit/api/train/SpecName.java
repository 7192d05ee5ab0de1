package io.bloomfit.api.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Maps the lower-case, dashed names used in specs to enum constants ({@code SPARSE_ADAM} is {@code sparse-adam}),
 * with errors that list the choices: the one helper every closed vocabulary of a spec or a result file uses.
 */
public final class SpecName {

    private SpecName() {
    }

    /** The spec name of {@code constant}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The constant of {@code type} whose spec name is {@code value}.
     *
     * @throws IllegalArgumentException naming {@code field}, the value and every accepted name
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + ": unknown value '" + value + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(SpecName::of).collect(Collectors.joining(", ")));
    }

    /** The spec names of {@code constants}, sorted in declaration order and comma-separated. */
    public static <E extends Enum<E>> String list(java.util.Collection<E> constants) {
        return constants.stream().sorted().map(SpecName::of).collect(Collectors.joining(", "));
    }
}
