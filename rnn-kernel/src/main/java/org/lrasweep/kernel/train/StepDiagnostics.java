package org.lrasweep.kernel.train;

/**
 * Per-time-step evidence of one training iteration (arrays of length T, index = time step t):
 * the Frobenius norms of step t's Whh, Wxh and bh updates and, for LRA, its local loss (null for
 * BPTT, whose per-step terms are the contributions {@code z_{t-1}^T delta_t} and
 * {@code x_t^T delta_t} of the exact gradient).
 */
public record StepDiagnostics(double[] localLosses, double[] whhNorms, double[] wxhNorms, double[] bhNorms) {
}
