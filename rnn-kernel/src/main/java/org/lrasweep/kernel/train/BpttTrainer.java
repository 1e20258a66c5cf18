package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.ElmanRnn;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.Nd;
import org.lrasweep.kernel.model.OutputLoss;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Backpropagation through time (spec section 3): exact gradients, optional gradient-flow
 * regularizer of Pascanu et al. (2013) on Whh, global-norm clipping when the norm is strictly
 * greater than c, plain SGD.
 */
public final class BpttTrainer implements Trainer {
    /** Pairs (t, b) whose squared error-signal norm is at most this are left out of Omega. */
    public static final double OMEGA_BOUND = 1e-20;

    private final BpttSettings settings;

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
        r.clipped.applySgd(w, settings.learningRate());
        StepDiagnostics d = recordDiagnostics ? new StepDiagnostics(null, r.whhStepNorms, r.wxhStepNorms, r.bhStepNorms) : null;
        return new StepReport(r.loss, Double.NaN, false, 0, d);
    }

    /**
     * Everything one BPTT step computes, before the weights change.
     *
     * @param withOmega     compute Omega and its gradient even when alpha = 0 (fixture checks)
     * @param perStepNorms  fill the per-step contribution norms
     */
    public Result compute(Weights w, Batch batch, boolean withOmega, boolean perStepNorms) {
        int length = batch.length();
        int b = batch.size();
        ForwardPass fp = ElmanRnn.forward(w, batch, InitialState.ZERO);
        OutputLoss lossFn = OutputLoss.of(batch);
        Result r = new Result();
        r.loss = lossFn.value(fp.logits, batch);
        INDArray dO = lossFn.gradient(fp.logits, batch);
        INDArray dWhy = Nd.mmul(fp.last(), true, dO, false);
        INDArray dby = dO.sum(0);

        // deltas[t] = dL/dh_t; written in place, one matrix product and one product per step.
        INDArray deltas = Nd.zeros((long) length * b, w.hiddenSize());
        INDArray tanhDerivative = fp.tanhDerivative();
        Nd.gemm(dO, false, w.why, true, Nd.step(deltas, length - 1, b), 0.0);
        for (int t = length - 1; t >= 0; t--) {
            INDArray delta = Nd.step(deltas, t, b);
            delta.muli(Nd.step(tanhDerivative, t, b));
            if (t > 0) {
                Nd.gemm(delta, false, w.whh, true, Nd.step(deltas, t - 1, b), 0.0);
            }
        }
        long rowsAfterFirst = (long) (length - 1) * b;
        INDArray dWhh = Nd.mmul(Nd.rows(fp.states, 0, rowsAfterFirst), true,
                Nd.rows(deltas, b, (long) length * b), false);
        INDArray dWxh = Nd.mmul(batch.inputMatrix(), true, deltas, false);
        INDArray dbh = deltas.sum(0);

        if (withOmega) {
            pascanuOmega(w, fp, deltas, r);
            if (settings.alpha() > 0) {
                dWhh.addi(r.gradOmegaWhh.mul(settings.alpha()));
            }
        }
        r.raw = new Gradients(dWxh, dWhh, dWhy, dbh, dby);
        r.norm = r.raw.globalNorm();
        double c = settings.clip();
        r.isClipped = c > 0 && r.norm > c;
        r.clipped = r.isClipped ? r.raw.scaled(c / r.norm) : r.raw;
        if (perStepNorms) {
            double scale = r.isClipped ? c / r.norm : 1.0;
            r.whhStepNorms = new double[length];
            r.wxhStepNorms = new double[length];
            r.bhStepNorms = new double[length];
            INDArray inputs = batch.inputMatrix();
            for (int t = 0; t < length; t++) {
                INDArray delta = Nd.step(deltas, t, b);
                r.whhStepNorms[t] = t == 0 ? 0.0 : scale * Nd.norm(Nd.mmul(fp.z(t - 1), true, delta, false));
                r.wxhStepNorms[t] = scale * Nd.norm(Nd.mmul(Nd.step(inputs, t, b), true, delta, false));
                r.bhStepNorms[t] = scale * Nd.norm(delta.sum(0));
            }
        }
        return r;
    }

    /**
     * Pascanu's regularizer with dL/dh_{t+1} and h_t held constant. In plain BPTT the term
     * {@code (dL/dh_{t+1} Whh^T) * tanh'(h_t)} is exactly dL/dh_t for t < T-1, so it is read off
     * the deltas instead of being recomputed.
     */
    private static void pascanuOmega(Weights w, ForwardPass fp, INDArray deltas, Result r) {
        int length = fp.length;
        int b = fp.batchSize;
        long pairs = (long) (length - 1) * b;
        INDArray terms = Nd.rows(deltas, 0, pairs);
        INDArray signals = Nd.rows(deltas, b, (long) length * b);
        float[] termSq = Nd.toFloats(terms.mul(terms).sum(1));
        float[] signalSq = Nd.toFloats(signals.mul(signals).sum(1));
        double omega = 0;
        int count = 0;
        double[] ratio = new double[(int) pairs];
        for (int i = 0; i < pairs; i++) {
            if (signalSq[i] > OMEGA_BOUND) {
                ratio[i] = (double) termSq[i] / signalSq[i];
                omega += (ratio[i] - 1) * (ratio[i] - 1);
                count++;
            }
        }
        float[] coefficient = new float[(int) pairs];
        for (int i = 0; i < pairs && count > 0; i++) {
            if (signalSq[i] > OMEGA_BOUND) {
                coefficient[i] = (float) (4.0 * (ratio[i] - 1) / (count * (double) signalSq[i]));
            }
        }
        r.omega = count > 0 ? omega / count : 0.0;
        r.omegaCount = count;
        INDArray scaledTerms = terms.mul(Nd.rows(fp.tanhDerivative(), 0, pairs))
                .muliColumnVector(Nd.matrix(coefficient, pairs, 1));
        r.gradOmegaWhh = Nd.mmul(scaledTerms, true, signals, false);
    }

    /** The intermediate and final quantities of one BPTT step (the {@code bptt-step} fixture's fields). */
    public static final class Result {
        public double loss;
        public double omega;
        public int omegaCount;
        /** dOmega/dWhh; null unless Omega was computed. */
        public INDArray gradOmegaWhh;
        /** dL/dparam, with alpha dOmega/dWhh added to Whh. */
        public Gradients raw;
        public double norm;
        public boolean isClipped;
        /** The update SGD applies. */
        public Gradients clipped;
        public double[] whhStepNorms;
        public double[] wxhStepNorms;
        public double[] bhStepNorms;
    }
}
