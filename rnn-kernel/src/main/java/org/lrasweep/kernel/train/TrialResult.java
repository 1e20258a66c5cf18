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
 */
public record TrialResult(TrialConfig config, TrialStatus status, int iterations, int solvedAt, double bestAccuracy,
                          double finalAccuracy, double finalTestLoss, double wallSeconds, long omegaZeroEvents,
                          List<CurvePoint> curve, List<DiagnosticsPoint> diagnostics) {
}
