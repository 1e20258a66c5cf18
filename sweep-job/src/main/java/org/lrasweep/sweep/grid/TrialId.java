package org.lrasweep.sweep.grid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * The stable identities of trials and configurations: the first 16 hex digits of the SHA-256 of a
 * canonical parameter set ({@link ParamValues#canonical}), one line {@code key=value} per parameter
 * of the trial's own algorithm, sorted by key, joined with newlines; numbers in plain decimal
 * without trailing zeros ({@code 10}, not {@code 10.0}; {@code 0.0001}, not {@code 1e-4}), names as
 * configured. A trial id includes the seed; a configuration id (the seeds' common identity, the
 * unit of the summary) is the same hash without the seed line. So an id depends on what the trial
 * computes and nothing else: adding seeds or axis values to a spec adds ids and changes none.
 */
public final class TrialId {
    private TrialId() {
    }

    /** The id of a trial. */
    public static String of(TrialConfig config) {
        return hash(canonicalParameters(config));
    }

    /** The id of the trial's configuration: every parameter but the seed. */
    public static String configId(TrialConfig config) {
        return configId(config.values());
    }

    /** The id of a configuration given by its values (the seed, if set, is left out). */
    public static String configId(ParamValues values) {
        return hash(values.canonical(false));
    }

    /**
     * The id of the trial's trajectory: its parameters and seed without the stopping rule
     * ({@link org.lrasweep.kernel.param.TrialParameters#STOPPING_RULE}). Trials that share it
     * train identically and differ only in where they stop, so one's checkpoint serves another.
     */
    public static String trajectoryId(TrialConfig config) {
        return hash(config.values().trajectoryCanonical());
    }

    /** The canonical parameter set of a trial, by spec key. */
    public static SortedMap<String, String> canonicalParameters(TrialConfig c) {
        return c.values().canonical(true);
    }

    private static String hash(SortedMap<String, String> canonical) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> e : canonical.entrySet()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(e.getKey()).append('=').append(e.getValue());
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
