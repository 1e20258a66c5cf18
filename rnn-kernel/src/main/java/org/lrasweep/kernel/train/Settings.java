package org.lrasweep.kernel.train;

/** Validation shared by the settings records: one-line errors that name the setting. */
public final class Settings {
    private Settings() {
    }

    /**
     * @throws IllegalArgumentException "KEY = VALUE: RULE" when the condition does not hold
     */
    public static void require(boolean condition, String key, Object value, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(key + " = " + value + ": " + rule);
        }
    }
}
