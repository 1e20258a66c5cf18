package org.lrasweep.sweep.analysis;

/**
 * One row of the summary table: how the seeds of one configuration fared. Failed trials (the
 * trial threw) are counted but excluded from the success rate's denominator.
 *
 * @param config                   the configuration
 * @param trials                   trials committed
 * @param solved                   trials solved
 * @param plateaued                trials plateaued
 * @param maxIterations            trials that ran out of budget
 * @param diverged                 trials diverged
 * @param failed                   trials that threw
 * @param successRate              solved / (trials - failed), NaN when none ran
 * @param successLow               95% Wilson lower bound
 * @param successHigh              95% Wilson upper bound
 * @param medianIterationsToSolve  median of solved_at over solved trials (NaN if none)
 * @param q1IterationsToSolve      first quartile (HF7, as numpy and pandas)
 * @param q3IterationsToSolve      third quartile
 * @param meanBestAccuracy         mean best test accuracy over trials that ran a check
 * @param medianFinalAccuracy      median final test accuracy over trials that ran a check
 * @param collapsed                trials that learned the task and lost it ({@code collapsed})
 * @param medianOmegaZeroEvents    median over trials of Omega terms skipped on a zero error signal
 * @param outcomes                 the seed-level outcomes of the trials that ran
 */
public record ConfigurationSummary(Configuration config, int trials, int solved, int plateaued, int maxIterations,
                                   int diverged, int failed, double successRate, double successLow, double successHigh,
                                   double medianIterationsToSolve, double q1IterationsToSolve, double q3IterationsToSolve,
                                   double meanBestAccuracy, double medianFinalAccuracy, int collapsed,
                                   double medianOmegaZeroEvents, Outcomes outcomes) {
    /** A summary without seed-level outcomes. */
    public ConfigurationSummary(Configuration config, int trials, int solved, int plateaued, int maxIterations, int diverged,
                                int failed, double successRate, double successLow, double successHigh, double medianIterationsToSolve,
                                double q1IterationsToSolve, double q3IterationsToSolve, double meanBestAccuracy,
                                double medianFinalAccuracy, int collapsed, double medianOmegaZeroEvents) {
        this(config, trials, solved, plateaued, maxIterations, diverged, failed, successRate, successLow, successHigh,
                medianIterationsToSolve, q1IterationsToSolve, q3IterationsToSolve, meanBestAccuracy, medianFinalAccuracy, collapsed,
                medianOmegaZeroEvents, Outcomes.NONE);
    }

    /** Trials that ran to a protocol outcome. */
    public int ran() {
        return trials - failed;
    }
}
