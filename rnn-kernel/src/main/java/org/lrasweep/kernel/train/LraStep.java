package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;

/**
 * Everything one LRA iteration computes before the weights change (the {@code lra-step}
 * fixture's fields).
 *
 * @param lossNetwork     L(o) of the network on the batch
 * @param lossTarget      L at the top target, {@code L(tanh(a_K) Why + by)}
 * @param topTarget       zhat_{T-1}, [B, H]
 * @param gradients       what SGD applies (per-step sums for Whh, Wxh, bh)
 * @param diagnostics     per-step local losses and update norms after clipping
 * @param omegaZeroEvents Omega terms skipped because their error signal had norm 0
 */
public record LraStep(double lossNetwork, double lossTarget, Matrix topTarget, Gradients gradients,
                      StepDiagnostics diagnostics, int omegaZeroEvents) {
}
