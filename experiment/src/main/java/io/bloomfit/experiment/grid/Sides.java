package io.bloomfit.experiment.grid;

import io.bloomfit.api.train.SpecName;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which embeddings a grid point compresses; the other side keeps a {@code plain} layout. */
public enum Sides {
    /** Users and items. */
    BOTH,
    /** Only the user embeddings. */
    USERS,
    /** Only the item embeddings. */
    ITEMS,
    /** Neither: the {@code plain} baseline. */
    NONE;

    /** The name used in specs and results files, e.g. {@code both}. */
    public String specName() {
        return SpecName.of(this);
    }

    public boolean compressesUsers() {
        return this == BOTH || this == USERS;
    }

    public boolean compressesItems() {
        return this == BOTH || this == ITEMS;
    }

    /** The value named {@code value} in results files, or {@code null}. */
    public static Sides fromName(String value) {
        for (Sides s : values()) {
            if (s.specName().equals(value)) {
                return s;
            }
        }
        return null;
    }

    /** What a spec may list under {@code grid.sides}. */
    public static String choices() {
        return Arrays.stream(new Sides[] {BOTH, USERS, ITEMS}).map(Sides::specName)
                .collect(Collectors.joining(" | "));
    }
}
