package org.lrasweep.kernel.train;

/**
 * What one training iteration reports to the trial runner.
 *
 * @param trainLoss        the network's own loss on the training batch, before the update
 * @param targetLoss       LRA: the global loss at the top target (what the reference prints as
 *                         train loss); NaN for BPTT
 * @param diverged         the algorithm's own divergence signal (LRA: NaN top local loss)
 * @param omegaZeroEvents  Omega terms skipped because their error signal had norm exactly 0
 * @param diagnostics      per-step evidence, or null when not requested
 */
public record StepReport(double trainLoss, double targetLoss, boolean diverged, int omegaZeroEvents,
                         StepDiagnostics diagnostics) {
}
