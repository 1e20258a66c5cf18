package org.lrasweep.sweep.grid;

import java.io.Serializable;
import org.lrasweep.kernel.train.TrialConfig;

/**
 * One trial of a sweep: its full parameter set and seed, carried end to end (driver, executor,
 * Parquet row), and its stable id.
 *
 * @param trialId the id derived from the canonical parameters ({@link TrialId})
 * @param config  everything the kernel needs to run it
 */
public record TrialSpec(String trialId, TrialConfig config) implements Serializable {
    /** A spec for the config, with its id. */
    public static TrialSpec of(TrialConfig config) {
        return new TrialSpec(TrialId.of(config), config);
    }
}
