package org.lrasweep.kernel.train;

import java.util.List;

/**
 * The outcome of one trial with its full provenance (its config).
 *
 * @param config          what was run
 * @param status          how it ended
 * @param iterations      training iterations run
 * @param solvedAt        iteration at which it was solved, or -1
 * @param bestAccuracy    best test accuracy over the checks (NaN if no check ran)
 * @param finalAccuracy   test accuracy at the last check (NaN if no check ran)
 * @param finalTestLoss   test loss at the last check (NaN if no check ran)
 * @param wallSeconds     wall time of training and evaluation
 * @param omegaZeroEvents Omega terms skipped on an exactly-zero error signal (LRA)
 * @param curve           one row per check
 * @param diagnostics     per-step diagnostics at each check
 * @param omegaGuardFirst the first iteration at which the Omega guard skipped a term, or -1 (never, or no Omega)
 * @param startIteration  the iteration this run started from: 0, or a checkpoint's (wallSeconds includes the time before it)
 */
public record TrialResult(TrialConfig config, TrialStatus status, int iterations, int solvedAt, double bestAccuracy,
                          double finalAccuracy, double finalTestLoss, double wallSeconds, long omegaZeroEvents,
                          List<CurvePoint> curve, List<DiagnosticsPoint> diagnostics, int omegaGuardFirst, int startIteration) {
    /** A result of a run from iteration 0 in which the Omega guard never fired. */
    public TrialResult(TrialConfig config, TrialStatus status, int iterations, int solvedAt, double bestAccuracy,
                       double finalAccuracy, double finalTestLoss, double wallSeconds, long omegaZeroEvents,
                       List<CurvePoint> curve, List<DiagnosticsPoint> diagnostics) {
        this(config, status, iterations, solvedAt, bestAccuracy, finalAccuracy, finalTestLoss, wallSeconds, omegaZeroEvents,
                curve, diagnostics, -1, 0);
    }

    /** A collapse learned the task: its best test accuracy reached at least this. */
    public static final double COLLAPSE_BEST_AT_LEAST = 0.9;
    /** ... and then lost it: its final test accuracy ended within this of chance. */
    public static final double COLLAPSE_FINAL_WITHIN = 0.1;

    /**
     * True when the trial learned the task and then lost it: best test accuracy at least
     * {@value #COLLAPSE_BEST_AT_LEAST}, final test accuracy within {@value #COLLAPSE_FINAL_WITHIN} of
     * the task's chance accuracy. Its status alone (usually {@code max-iterations}) does not show that.
     */
    public boolean collapsed() {
        return collapsed(bestAccuracy, finalAccuracy, config.taskInstance().chanceAccuracy());
    }

    /** The collapse rule on the numbers (false where any is NaN). */
    public static boolean collapsed(double bestAccuracy, double finalAccuracy, double chance) {
        return bestAccuracy >= COLLAPSE_BEST_AT_LEAST && Math.abs(finalAccuracy - chance) <= COLLAPSE_FINAL_WITHIN;
    }

    /** The iteration of the first check that reached the best test accuracy, or -1 when no check ran. */
    public int bestIteration() {
        int best = -1;
        double accuracy = Double.NEGATIVE_INFINITY;
        for (CurvePoint p : curve) {
            if (p.testAccuracy() > accuracy) {
                accuracy = p.testAccuracy();
                best = p.iteration();
            }
        }
        return best;
    }
}
