package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.OutputLoss;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * What the two LRA variants share (spec section 4, steps 2-3 of 4a, 1-2 of 4b): the output-layer
 * update, the top target found by K steps of beta-scaled, normalized descent on the global loss,
 * the SGD step and the divergence rule. Subclasses compute the per-step targets and updates.
 */
public abstract class LraTrainer implements Trainer {
    protected final LraSettings settings;
    private final boolean diagonalQuirk;
    private LraWorkspace ws;
    /** The momentum velocity (with {@code lra.momentum} > 0): state of this trainer's trial across iterations. */
    private Gradients velocity;

    protected LraTrainer(LraSettings settings, boolean diagonalQuirk) {
        this.settings = settings;
        this.diagonalQuirk = diagonalQuirk;
    }

    /**
     * One iteration's targets, updates and diagnostics, without changing the weights: the forward
     * pass, the output-layer update and the top target (shared), then the variant's per-step
     * targets and updates. The returned matrices live in this trainer's workspace until its next call.
     */
    public final LraStep compute(Weights w, Batch batch) {
        LraWorkspace ws = workspace(w, batch);
        ZeroEvents events = new ZeroEvents();
        ws.fp.run(w, batch, InitialState.ZERO);
        OutputLoss loss = OutputLoss.of(batch);
        double lossNetwork = loss.value(ws.fp.logits, batch);
        outputLayer(ws, w, loss, batch, events);
        double lossTarget = topTarget(ws, w, loss, batch, events);
        ws.grads.whh.fill(0f);
        ws.grads.wxh.fill(0f);
        ws.grads.bh.fill(0f);
        int length = batch.length();
        StepDiagnostics diag = new StepDiagnostics(new double[length], new double[length], new double[length], new double[length]);
        hiddenUpdates(ws, w, batch, diag, events);
        return new LraStep(lossNetwork, lossTarget, ws.topTarget, ws.grads, diag, events.count);
    }

    /**
     * The variant's part of an iteration: given the forward pass in {@code ws.fp} and the top
     * target in {@code ws.topPre} / {@code ws.topTarget}, adds every step's normalized Whh, Wxh and
     * bh updates to {@code ws.grads} (zeroed) and fills the per-step diagnostics.
     */
    protected abstract void hiddenUpdates(LraWorkspace ws, Weights w, Batch batch, StepDiagnostics diag, ZeroEvents events);

    /** Adds one step's (normalized) updates to the sums and records their norms at index t. */
    protected static void accumulateStep(LraWorkspace ws, StepDiagnostics diag, int t) {
        Ops.axpy(1f, ws.stepWhh, ws.grads.whh);
        Ops.axpy(1f, ws.stepWxh, ws.grads.wxh);
        Ops.axpy(1f, ws.stepBh, ws.grads.bh);
        diag.whhNorms()[t] = ws.stepWhh.norm();
        diag.wxhNorms()[t] = ws.stepWxh.norm();
        diag.bhNorms()[t] = ws.stepBh.norm();
    }

    @Override
    public StepReport step(Weights w, Batch batch, boolean recordDiagnostics) {
        LraStep s = compute(w, batch);
        if (settings.momentum() > 0) {
            if (velocity == null) {
                velocity = Gradients.zerosLike(w);
            }
            velocity.decayAndAdd((float) settings.momentum(), s.gradients());
            velocity.applySgd(w, settings.learningRate());
        } else {
            s.gradients().applySgd(w, settings.learningRate());
        }
        double[] local = s.diagnostics().localLosses();
        // Spec 4a step 7: a NaN top local loss ends the trial.
        boolean diverged = Double.isNaN(local[local.length - 1]);
        return new StepReport(s.lossNetwork(), s.lossTarget(), diverged, s.omegaZeroEvents(),
                recordDiagnostics ? s.diagnostics() : null);
    }

    @Override
    public java.util.List<Matrix> carriedState() {
        return velocity == null ? java.util.List.of() : java.util.List.of(velocity.wxh, velocity.whh, velocity.why, velocity.bh, velocity.by);
    }

    @Override
    public void restoreCarriedState(java.util.List<Matrix> state) {
        if (state.isEmpty()) {
            velocity = null;
        } else if (state.size() == 5) {
            velocity = new Gradients(state.get(0), state.get(1), state.get(2), state.get(3), state.get(4));
        } else {
            throw new IllegalArgumentException("LRA's momentum velocity is 5 matrices, got " + state.size());
        }
    }

    /** The workspace for this shape, (re)allocated when the shape changes. */
    protected LraWorkspace workspace(Weights w, Batch batch) {
        settings.checkShape(batch.size(), w.hiddenSize());
        if (ws == null || !ws.fits(w, batch)) {
            ws = new LraWorkspace(w, batch.length(), batch.size(), diagonalQuirk, settings.omegaGuard());
        }
        return ws;
    }

    /** Counts Omega terms skipped on a zero error signal within one iteration. */
    protected static final class ZeroEvents {
        int count;
    }

    /** Rescales g in place as {@code lra.normalize} prescribes. */
    protected void normalize(Matrix g) {
        float f = settings.normalize().factor(g, settings.c());
        if (f != 1f) {
            Ops.scale(g, f);
        }
    }

    /** One target step: {@code a <- a - beta normalize(g)}. */
    protected void descend(Matrix a, Matrix g) {
        float f = settings.normalize().factor(g, settings.c());
        Ops.axpy((float) (-settings.beta() * f), g, a);
    }

    /**
     * Adds alpha dOmega/da to g, or counts a skipped Omega; signalTimesWT ({@code signal W^T}) and
     * tanhOfA ({@code tanh(a)}) are passed when known, else null.
     */
    protected void addOmegaForA(LraWorkspace ws, Matrix signal, Matrix signalTimesWT, Matrix w, Matrix a, Matrix tanhOfA,
            Matrix g, ZeroEvents events) {
        if (ws.omega.derivatives(signal, signalTimesWT, w, a, tanhOfA, null, ws.omegaA)) {
            Ops.axpy((float) settings.alpha(), ws.omegaA, g);
        } else {
            events.count++;
        }
    }

    /**
     * dWhy (regularized when alpha > 0, with g = dL/do, a = h_{T-1} constant, W = Why, then
     * normalized) and dby (raw) into the workspace's gradients.
     */
    protected void outputLayer(LraWorkspace ws, Weights w, OutputLoss loss, Batch batch, ZeroEvents events) {
        ForwardPass fp = ws.fp;
        loss.gradient(fp.logits, batch, ws.dO);
        Matrix.multiply(fp.last(), true, ws.dO, false, ws.grads.why);
        if (settings.alpha() > 0) {
            if (ws.omega.derivatives(ws.dO, w.why, fp.h(fp.length - 1), ws.omegaWhy, null)) {
                Ops.axpy((float) settings.alpha(), ws.omegaWhy, ws.grads.why);
            } else {
                events.count++;
            }
        }
        normalize(ws.grads.why);
        Ops.columnSums(ws.dO, ws.grads.by, false);
    }

    /**
     * The top target: from a_0 = h_{T-1}, K steps {@code a <- a - beta normalize(dE/da + alpha dOmega/da)}
     * on E = L(tanh(a) Why + by), Omega with g = dE/du and W = Why. Leaves a_K in
     * {@code ws.topPre} and zhat_{T-1} = tanh(a_K) in {@code ws.topTarget}; returns L at the target.
     */
    protected double topTarget(LraWorkspace ws, Weights w, OutputLoss loss, Batch batch, ZeroEvents events) {
        ForwardPass fp = ws.fp;
        Matrix a = ws.topPre;
        a.assign(fp.h(fp.length - 1));
        for (int k = 0; k < settings.k(); k++) {
            Ops.tanh(a, ws.tanhA);
            readOut(w, ws.tanhA, ws.u);
            loss.gradient(ws.u, batch, ws.dO);
            Matrix.multiply(ws.dO, false, w.why, true, ws.signalTimesWT);
            Ops.throughTanh(ws.signalTimesWT, ws.tanhA, ws.g);
            if (settings.alpha() > 0) {
                addOmegaForA(ws, ws.dO, ws.signalTimesWT, w.why, a, ws.tanhA, ws.g, events);
            }
            descend(a, ws.g);
        }
        Ops.tanh(a, ws.topTarget);
        readOut(w, ws.topTarget, ws.u);
        return loss.value(ws.u, batch);
    }

    /** u = state Why + by. */
    private static void readOut(Weights w, Matrix state, Matrix u) {
        Matrix.multiply(state, false, w.why, false, u);
        Ops.addRowVector(u, w.by);
    }

    /** q = tanh(tanh(a) Whh + projected input), leaving tanh(a) in tanhA. */
    protected static void recompute(Weights w, Matrix a, Matrix projectedInput, Matrix tanhA, Matrix q) {
        Ops.tanh(a, tanhA);
        Matrix.multiply(tanhA, false, w.whh, false, q);
        Ops.tanhOfSum(q, projectedInput, q);
    }

}
