package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.ElmanRnn;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.OutputLoss;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * Backpropagation through time (spec section 3): exact gradients, optional gradient-flow
 * regularizer of Pascanu et al. (2013) on Whh, global-norm clipping when the norm is strictly
 * greater than c, plain SGD.
 *
 * <p>The backward pass writes every step's delta into one stacked matrix, so the weight
 * gradients are three large products instead of 3T small ones.
 */
public final class BpttTrainer implements Trainer {
    /** Pairs (t, b) whose squared error-signal norm is at most this are left out of Omega. */
    public static final double OMEGA_BOUND = 1e-20;

    private final BpttSettings settings;
    private Workspace ws;

    public BpttTrainer(BpttSettings settings) {
        this.settings = settings;
    }

    @Override
    public InitialState evaluationStart() {
        return InitialState.ZERO;
    }

    @Override
    public StepReport step(Weights w, Batch batch, boolean recordDiagnostics) {
        Result r = compute(w, batch, settings.alpha() > 0, recordDiagnostics);
        if (r.isClipped) {
            for (Matrix m : new Matrix[] {r.raw.wxh, r.raw.whh, r.raw.why, r.raw.bh, r.raw.by}) {
                Ops.scale(m, r.clipFactor);
            }
        }
        r.raw.applySgd(w, settings.learningRate());
        StepDiagnostics d = recordDiagnostics ? new StepDiagnostics(null, r.whhStepNorms, r.wxhStepNorms, r.bhStepNorms) : null;
        return new StepReport(r.loss, Double.NaN, false, 0, d);
    }

    /**
     * Everything one BPTT step computes, before the weights change. The returned gradients live in
     * this trainer's workspace until its next call.
     *
     * @param withOmega     compute Omega and its gradient even when alpha = 0 (fixture checks)
     * @param perStepNorms  fill the per-step contribution norms (after clipping)
     */
    public Result compute(Weights w, Batch batch, boolean withOmega, boolean perStepNorms) {
        int length = batch.length();
        int b = batch.size();
        if (ws == null || !ws.fp.fits(w, batch)) {
            ws = new Workspace(w, length, b);
        }
        ForwardPass fp = ws.fp.run(w, batch, InitialState.ZERO);
        OutputLoss lossFn = OutputLoss.of(batch);
        Gradients g = ws.grads;
        Result r = new Result();
        r.loss = lossFn.value(fp.logits, batch);
        lossFn.gradient(fp.logits, batch, ws.dO);
        Matrix.multiply(fp.last(), true, ws.dO, false, g.why);
        Ops.columnSums(ws.dO, g.by, false);

        // deltas[t] = dL/dh_t, one product and one fused multiply per step.
        Matrix.multiply(ws.dO, false, w.why, true, ws.deltaSteps[length - 1]);
        for (int t = length - 1; t >= 0; t--) {
            Ops.multiply(ws.deltaSteps[t], fp.tanhDerivative(t), ws.deltaSteps[t]);
            if (t > 0) {
                Matrix.multiply(ws.deltaSteps[t], false, w.whh, true, ws.deltaSteps[t - 1]);
            }
        }
        if (length > 1) {
            Matrix.multiply(fp.states.rows(0, (length - 1) * b), true, ws.deltas.rows(b, length * b), false, g.whh);
        } else {
            g.whh.fill(0f);
        }
        ElmanRnn.inputGradient(batch, 0, ws.deltas, 1f, false, g.wxh);
        Ops.columnSums(ws.deltas, g.bh, false);

        if (withOmega && length > 1) {
            pascanuOmega(fp, r);
            if (settings.alpha() > 0) {
                Ops.axpy((float) settings.alpha(), ws.gradOmega, g.whh);
            }
        }
        r.raw = g;
        r.norm = g.globalNorm();
        double c = settings.clip();
        r.isClipped = c > 0 && r.norm > c;
        r.clipFactor = r.isClipped ? (float) (c / r.norm) : 1f;
        if (perStepNorms) {
            perStepNorms(fp, batch, r);
        }
        return r;
    }

    private void perStepNorms(ForwardPass fp, Batch batch, Result r) {
        int length = batch.length();
        int b = batch.size();
        r.whhStepNorms = new double[length];
        r.wxhStepNorms = new double[length];
        r.bhStepNorms = new double[length];
        for (int t = 0; t < length; t++) {
            Matrix delta = ws.deltaSteps[t];
            if (t > 0) {
                Matrix.multiply(fp.z(t - 1), true, delta, false, ws.stepWhh);
                r.whhStepNorms[t] = r.clipFactor * ws.stepWhh.norm();
            }
            ElmanRnn.inputGradient(batch, t, delta, 1f, false, ws.stepWxh);
            r.wxhStepNorms[t] = r.clipFactor * ws.stepWxh.norm();
            Ops.columnSums(delta, ws.stepBh, false);
            r.bhStepNorms[t] = r.clipFactor * ws.stepBh.norm();
        }
    }

    /**
     * Pascanu's regularizer with dL/dh_{t+1} and h_t held constant. In plain BPTT the term
     * {@code (dL/dh_{t+1} Whh^T) * tanh'(h_t)} is exactly dL/dh_t for t < T-1, so it is read off
     * the deltas instead of being recomputed.
     */
    private void pascanuOmega(ForwardPass fp, Result r) {
        int b = fp.batchSize;
        int pairs = (fp.length - 1) * b;
        int hidden = ws.deltas.cols;
        Matrix terms = ws.deltas.rows(0, pairs);
        Matrix signals = ws.deltas.rows(b, fp.length * b);
        double[] ratio = new double[pairs];
        double[] signalSq = new double[pairs];
        double omega = 0;
        int count = 0;
        for (int i = 0; i < pairs; i++) {
            double termSq = 0;
            double sigSq = 0;
            for (int j = 0; j < hidden; j++) {
                double t = terms.get(i, j);
                double g = signals.get(i, j);
                termSq += t * t;
                sigSq += g * g;
            }
            signalSq[i] = sigSq;
            if (sigSq > OMEGA_BOUND) {
                ratio[i] = termSq / sigSq;
                omega += (ratio[i] - 1) * (ratio[i] - 1);
                count++;
            }
        }
        r.omega = count > 0 ? omega / count : 0.0;
        r.omegaCount = count;
        Matrix scaled = ws.omegaTerms.rows(0, pairs);
        Ops.multiply(terms, fp.tanhDerivative.rows(0, pairs), scaled);
        for (int i = 0; i < pairs; i++) {
            float coefficient = signalSq[i] > OMEGA_BOUND ? (float) (4.0 * (ratio[i] - 1) / (count * signalSq[i])) : 0f;
            Ops.scale(scaled.rows(i, i + 1), coefficient);
        }
        Matrix.multiply(scaled, true, signals, false, ws.gradOmega);
        r.gradOmegaWhh = ws.gradOmega;
    }

    /** The trainer's buffers for one shape, reused across iterations. */
    private static final class Workspace {
        final ForwardPass fp;
        final Gradients grads;
        final Matrix dO;
        final Matrix deltas;
        final Matrix[] deltaSteps;
        final Matrix omegaTerms;
        final Matrix gradOmega;
        final Matrix stepWhh;
        final Matrix stepWxh;
        final Matrix stepBh;

        Workspace(Weights w, int length, int b) {
            int h = w.hiddenSize();
            fp = new ForwardPass(length, b, h, w.outputSize());
            grads = Gradients.zerosLike(w);
            dO = Matrix.zeros(b, w.outputSize());
            deltas = Matrix.zeros(length * b, h);
            deltaSteps = ForwardPass.steps(deltas, length, b);
            omegaTerms = Matrix.zeros(length * b, h);
            gradOmega = Matrix.zeros(h, h);
            stepWhh = Matrix.zeros(h, h);
            stepWxh = Matrix.zeros(w.inputSize(), h);
            stepBh = Matrix.zeros(1, h);
        }
    }

    /** The intermediate and final quantities of one BPTT step (the {@code bptt-step} fixture's fields). */
    public static final class Result {
        public double loss;
        public double omega;
        public int omegaCount;
        /** dOmega/dWhh; null unless Omega was computed. */
        public Matrix gradOmegaWhh;
        /** dL/dparam, with alpha dOmega/dWhh added to Whh. */
        public Gradients raw;
        public double norm;
        public boolean isClipped;
        /** c / norm when clipped, else 1. */
        public float clipFactor;
        public double[] whhStepNorms;
        public double[] wxhStepNorms;
        public double[] bhStepNorms;

        /** The update SGD applies, as a copy. */
        public Gradients clipped() {
            return raw.scaledCopy(clipFactor);
        }
    }
}
