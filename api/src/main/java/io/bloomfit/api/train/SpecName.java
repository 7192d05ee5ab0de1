package io.bloomfit.api.train;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Maps the lower-case, dashed names used in specs to enum constants, with errors that list the choices. */
final class SpecName {

    private SpecName() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + ": unknown value '" + value + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(SpecName::of).collect(Collectors.joining(", ")));
    }
}
