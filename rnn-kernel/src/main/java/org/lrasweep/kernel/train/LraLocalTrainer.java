package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.ElmanRnn;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * LRA as the paper describes it (spec section 4b): each transition
 * {@code h_t = sg(z_{t-1}) Whh + x_t Wxh + bh} is its own sub-graph, targets are constants, and
 * every step t = 0..T-1 is updated from its local loss {@code ell_t = L(z_t, zhat_t)}. Omega uses
 * the element-wise {@code s(a) = tanh'(a)} and, when alpha > 0, regularizes dWhh[t] with Pascanu's
 * placement (g = delta_{t+1}). O(T K) small matrix products per iteration.
 */
public final class LraLocalTrainer extends LraTrainer {
    LraLocalTrainer(LraSettings settings) {
        super(settings, false);
    }

    @Override
    public InitialState evaluationStart() {
        return InitialState.ZERO;
    }

    @Override
    protected void hiddenUpdates(LraWorkspace ws, Weights w, Batch batch, StepDiagnostics diag, ZeroEvents events) {
        int length = batch.length();
        int b = batch.size();
        float alpha = (float) settings.alpha();
        ForwardPass fp = ws.fp;
        Matrix target = ws.targetState;
        target.assign(ws.topTarget);
        for (int t = length - 1; t >= 0; t--) {
            Matrix delta = ws.deltaSteps[t];
            diag.localLosses()[t] = settings.localLoss().value(fp.z(t), target);
            settings.localLoss().gradient(fp.z(t), target, delta);
            Ops.multiply(delta, fp.tanhDerivative(t), delta);
            if (t > 0) {
                Matrix.multiply(fp.z(t - 1), true, delta, false, ws.stepWhh);
            } else {
                ws.stepWhh.fill(0f);
            }
            if (alpha > 0 && t < length - 1) {
                // Omega(g = delta_{t+1}, a = h_t, W = Whh): the explicit Whh term plus the path through h_t.
                if (ws.omega.derivatives(ws.deltaSteps[t + 1], w.whh, fp.h(t), ws.omegaWhh, ws.omegaA)) {
                    Ops.axpy(alpha, ws.omegaWhh, ws.stepWhh);
                    if (t > 0) {
                        Matrix.gemm(fp.z(t - 1), true, ws.omegaA, false, ws.stepWhh, alpha, 1f);
                    }
                } else {
                    events.count++;
                }
            }
            normalize(ws.stepWhh);
            ElmanRnn.inputGradient(batch, t, delta, 1f, false, ws.stepWxh);
            normalize(ws.stepWxh);
            Ops.columnSums(delta, ws.stepBh, false);
            accumulateStep(ws, diag, t);
            if (t > 0) {
                targetBelow(ws, w, fp, t, target, events);
            }
        }
    }

    /**
     * Replaces target = zhat_t by zhat_{t-1}: from a = h_{t-1}, K steps of
     * {@code a <- a - beta normalize(d/da L(zhat_t, tanh(p)) + alpha dOmega/da)} with
     * {@code p = tanh(a) Whh + x_t Wxh + bh} and Omega's g = dL/dp; everything but a is constant.
     */
    private void targetBelow(LraWorkspace ws, Weights w, ForwardPass fp, int t, Matrix target, ZeroEvents events) {
        Matrix a = ws.a;
        a.assign(fp.h(t - 1));
        for (int k = 0; k < settings.k(); k++) {
            recompute(w, a, fp.projected(t), ws.tanhA, ws.q);
            settings.localLoss().gradient(ws.q, target, ws.signal);
            Ops.throughTanh(ws.signal, ws.q, ws.signal);
            Matrix.multiply(ws.signal, false, w.whh, true, ws.signalTimesWT);
            Ops.throughTanh(ws.signalTimesWT, ws.tanhA, ws.g);
            if (settings.alpha() > 0) {
                addOmegaForA(ws, ws.signal, ws.signalTimesWT, w.whh, a, ws.tanhA, ws.g, events);
            }
            descend(a, ws.g);
        }
        Ops.tanh(a, target);
    }
}
