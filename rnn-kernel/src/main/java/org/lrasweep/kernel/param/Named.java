package org.lrasweep.kernel.param;

import java.util.Arrays;
import java.util.List;

/** A choice with a configuration name (an algorithm, an LRA variant, a local loss, a normalization). */
public interface Named {
    /** The name used in specs, command lines, tables and fixtures. */
    String configName();

    /** The configuration names of the choices, in declaration order. */
    static List<String> names(Named[] values) {
        return Arrays.stream(values).map(Named::configName).toList();
    }

    /**
     * The choice with this name.
     *
     * @throws IllegalArgumentException {@code "KEY = NAME: unknown (known: ...)"}
     */
    static <E extends Named> E byName(E[] values, String name, String key) {
        for (E v : values) {
            if (v.configName().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException(key + " = " + name + ": unknown (known: " + String.join(", ", names(values)) + ")");
    }
}
