package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.ElmanRnn;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * LRA exactly as the authors' public code computes it (spec section 4a), quirks included.
 *
 * <p>The reference builds one autograd graph and never detaches: each step's "local" update is
 * the full derivative of its local loss back to step 0, so an iteration costs O(T^2) products.
 * Here those derivatives are written out by hand. With {@code a_K = h_l - const} the target side
 * of each local loss stays attached, so the local loss of step l,
 * {@code ell_l = L(z_{l+1}, q)} with {@code q = tanh(tanh(a_K) Whh + x_{l+1} Wxh + bh)}
 * ({@code L(z_{T-1}, tanh(a_K))} at the top), reaches the weights through z_{l+1}, through q's
 * explicit use of Whh, Wxh and bh, and through h_l; all paths are summed.
 *
 * <p>Quirks reproduced (spec 4a): the diagonal {@code s(a)} in Omega (B <= H); Omega on the
 * per-step updates goes to Wxh only, through h_l, with g = d ell / dh_{l+1}, and is skipped when
 * ell = 0; the target search's Omega uses the post-activation signal {@code dE/dq}; step 0 is
 * never updated; evaluation starts from {@code z_{-1} = x_0 Wxh + bh}. The one departure, shared
 * with {@code local}: Omega is skipped, and counted, where its error signal is exactly zero.
 */
public final class LraReleasedTrainer extends LraTrainer {
    private ReleasedChains chains;

    LraReleasedTrainer(LraSettings settings) {
        super(settings, true);
    }

    @Override
    public InitialState evaluationStart() {
        return InitialState.RELEASED;
    }

    @Override
    protected void hiddenUpdates(LraWorkspace ws, Weights w, Batch batch, StepDiagnostics diag, ZeroEvents events) {
        int length = batch.length();
        int b = batch.size();
        float alpha = (float) settings.alpha();
        LocalLoss localLoss = settings.localLoss();
        ForwardPass fp = ws.fp;
        ReleasedChains chains = chains(length, b, w.hiddenSize());
        // The chains alive now, as frontier blocks: block k holds its chain's steps.
        Matrix[][] blockSteps = new Matrix[2 * length][];
        int blocks = 0;
        // ell_l's target side: tanh(a_K) of its pre-activation a_K (= h_l - const) in tanhA, and the
        // state q it yields. At the top both are the top target; below, targetBelow leaves them.
        ws.tanhA.assign(ws.topTarget);
        ws.targetState.assign(ws.topTarget);
        double ell = localLoss.value(fp.last(), ws.targetState);
        for (int l = length - 1; l >= 1; l--) {
            diag.localLosses()[l] = ell;
            // e = d ell / dh_l along every path: the seed of chain l at step l.
            Matrix e = chains.deltaSteps[l][l];
            boolean withOmega = false;
            if (l == length - 1) {
                // ell = L(z_{T-1}, tanh(a_K)): stateSide = dL/dz, the target side is its negative.
                localLoss.gradient(fp.last(), ws.targetState, ws.stateSide);
                Ops.multiply(ws.stateSide, fp.tanhDerivative(l), e);
                Ops.throughTanh(ws.stateSide, ws.tanhA, ws.scratch);
                Ops.axpy(-1f, ws.scratch, e);
            } else {
                // ell = L(z_{l+1}, q): through z_{l+1} (deltaAbove at h_{l+1}) and through q (deltaTarget at p).
                localLoss.gradient(fp.z(l + 1), ws.targetState, ws.signal);
                Ops.multiply(ws.signal, fp.tanhDerivative(l + 1), ws.deltaAbove);
                Ops.throughTanh(ws.signal, ws.targetState, ws.deltaTarget);
                Ops.scale(ws.deltaTarget, -1f);
                // [stateSide; scratch] = [deltaAbove; deltaTarget] Whh^T in one product.
                Matrix.multiply(ws.deltaPair, false, w.whh, true, ws.sidePair);
                Ops.throughTanh(ws.scratch, ws.tanhA, ws.scratch);
                Ops.multiply(ws.stateSide, fp.tanhDerivative(l), e);
                Ops.axpy(1f, ws.scratch, e);
                chains.deltaAbove[l].assign(ws.deltaAbove);
                chains.deltaTarget[l].assign(ws.deltaTarget);
                chains.targetTanh[l].assign(ws.tanhA);
                if (alpha > 0 && ell != 0) {
                    // Omega(g = d ell/dh_{l+1}, a = h_l, W = Whh) reaches Wxh through h_l only; its
                    // g W^T is stateSide. Its chain to step 0 runs beside the loss's own.
                    withOmega = ws.omega.derivatives(ws.deltaAbove, ws.stateSide, w.whh, fp.h(l), null, null, ws.omegaA);
                    if (withOmega) {
                        chains.omegaDeltaSteps[l][l].assign(ws.omegaA);
                    } else {
                        events.count++;
                    }
                }
            }
            chains.withOmega[l] = withOmega;
            chains.frontierBlock(blocks).assign(e);
            blockSteps[blocks++] = chains.deltaSteps[l];
            if (withOmega) {
                chains.frontierBlock(blocks).assign(ws.omegaA);
                blockSteps[blocks++] = chains.omegaDeltaSteps[l];
            }
            advance(chains, w, fp, l, blocks, blockSteps);
            if (l > 1) {
                targetBelow(ws, w, fp, l, chains.deltaSteps[l][l - 1], events);
                ell = localLoss.value(fp.z(l), ws.targetState);
            }
        }
        for (int l = length - 1; l >= 1; l--) {
            stepUpdate(ws, chains, fp, batch, l, alpha);
            normalize(ws.stepWhh);
            normalize(ws.stepWxh);
            accumulateStep(ws, diag, l);
        }
    }

    /** The chains of this shape, (re)allocated when it changes. */
    private ReleasedChains chains(int length, int batch, int hidden) {
        boolean regularized = settings.alpha() > 0;
        if (chains == null || !chains.fits(length, batch, hidden, regularized)) {
            chains = new ReleasedChains(length, batch, hidden, regularized);
        }
        return chains;
    }

    /**
     * Advances every alive chain from step l to step l-1 in one stacked product,
     * {@code delta_{l-1} = (delta_l Whh^T) * tanh'(h_{l-1})}, and keeps each chain's new delta in its steps.
     */
    private static void advance(ReleasedChains chains, Weights w, ForwardPass fp, int l, int blocks, Matrix[][] blockSteps) {
        Matrix.multiply(chains.frontier(blocks), false, w.whh, true, chains.advanced(blocks));
        for (int k = 0; k < blocks; k++) {
            Matrix block = chains.advancedBlock(k);
            Ops.multiply(block, fp.tanhDerivative(l - 1), block);
            blockSteps[k][l - 1].assign(block);
        }
        chains.swap();
    }

    /**
     * Step l's update from its finished chain: {@code sum z_{t-1}^T delta_t} in one product over the
     * chain's stacked steps, {@code sum x_t^T delta_t}, {@code sum delta_t}; below the top the terms
     * through q and z_{l+1}; with the regularizer, alpha times its chain's Wxh terms.
     */
    private static void stepUpdate(LraWorkspace ws, ReleasedChains chains, ForwardPass fp, Batch batch, int l, float alpha) {
        int b = batch.size();
        Matrix deltas = chains.deltas[l];
        Matrix.multiply(fp.states.rows(0, l * b), true, deltas.rows(b, (l + 1) * b), false, ws.stepWhh);
        ElmanRnn.inputGradient(batch, 0, deltas, 1f, false, ws.stepWxh);
        Ops.columnSums(deltas, ws.stepBh, false);
        if (l < batch.length() - 1) {
            Matrix.multiplyAdd(fp.z(l), true, chains.deltaAbove[l], false, ws.stepWhh);
            Matrix.multiplyAdd(chains.targetTanh[l], true, chains.deltaTarget[l], false, ws.stepWhh);
            Ops.addScaled(chains.deltaAbove[l], 1f, chains.deltaTarget[l], ws.g);
            ElmanRnn.inputGradient(batch, l + 1, ws.g, 1f, true, ws.stepWxh);
            Ops.columnSums(ws.g, ws.stepBh, true);
        }
        if (chains.withOmega[l]) {
            ElmanRnn.inputGradient(batch, 0, chains.omegaDeltas[l], alpha, true, ws.stepWxh);
        }
    }

    /**
     * The reference's get_target for step l-1: from a_0 = h_{l-1}, K steps of
     * {@code a <- a - beta normalize(dE_k/da_k + alpha dOmega/da_k)}. E_0 is the current local
     * loss, whose gradient at h_{l-1} chain l holds at step l-1 ({@code chainAtLMinus1}); after that
     * {@code E_k = L(z_l, q_k)} with {@code q_k = tanh(tanh(a_k) Whh + x_l Wxh + bh)}, reaching
     * a_k through q_k only. Omega's g is dE_k/dq_k (q_0 = z_l, whose signal is in stateSide),
     * W = Whh, with the diagonal s. Leaves a_K in targetPre, tanh(a_K) in tanhA and q_K in targetState.
     */
    private void targetBelow(LraWorkspace ws, Weights w, ForwardPass fp, int l, Matrix chainAtLMinus1, ZeroEvents events) {
        Matrix a = ws.targetPre;
        a.assign(fp.h(l - 1));
        ws.g.assign(chainAtLMinus1);
        boolean regularize = settings.alpha() > 0;
        for (int k = 0; k < settings.k(); k++) {
            if (k > 0) {
                recompute(w, a, fp.projected(l), ws.tanhA, ws.q);
                settings.localLoss().gradient(ws.q, fp.z(l), ws.stateSide);
                Ops.throughTanh(ws.stateSide, ws.q, ws.scratch);
                if (regularize) {
                    // Omega's g W^T (g = stateSide) and the loss's backward product in one: sidePair Whh^T.
                    Matrix.multiply(ws.sidePair, false, w.whh, true, ws.pairProduct);
                    Ops.throughTanh(ws.pairProductBottom, ws.tanhA, ws.g);
                } else {
                    Matrix.multiply(ws.scratch, false, w.whh, true, ws.g);
                    Ops.throughTanh(ws.g, ws.tanhA, ws.g);
                }
            }
            if (regularize) {
                // tanh(a) and g W^T are known once recompute has run (k > 0); the first step computes its own.
                addOmegaForA(ws, ws.stateSide, k > 0 ? ws.pairProductTop : null, w.whh, a, k > 0 ? ws.tanhA : null,
                        ws.g, events);
            }
            descend(a, ws.g);
        }
        recompute(w, a, fp.projected(l), ws.tanhA, ws.targetState);
    }
}
