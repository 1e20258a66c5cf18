package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.Nd;
import org.lrasweep.kernel.model.OutputLoss;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * What the two LRA variants share (spec section 4, steps 2-3 of 4a, 1-2 of 4b): the output-layer
 * update, the top target found by K steps of beta-scaled, normalized descent on the global loss,
 * the SGD step and the divergence rule. Subclasses compute the per-step targets and updates.
 */
public abstract class LraTrainer implements Trainer {
    protected final LraSettings settings;
    protected final GradientFlowRegularizer omega;

    protected LraTrainer(LraSettings settings, boolean diagonalQuirk) {
        this.settings = settings;
        this.omega = new GradientFlowRegularizer(diagonalQuirk);
    }

    /** One iteration's targets, updates and diagnostics, without changing the weights. */
    public abstract LraStep compute(Weights w, Batch batch);

    @Override
    public StepReport step(Weights w, Batch batch, boolean recordDiagnostics) {
        settings.checkShape(batch.size(), w.hiddenSize());
        LraStep s = compute(w, batch);
        s.gradients().applySgd(w, settings.learningRate());
        double[] local = s.diagnostics().localLosses();
        // Spec 4a step 7: a NaN top local loss ends the trial.
        boolean diverged = Double.isNaN(local[local.length - 1]);
        return new StepReport(s.lossNetwork(), s.lossTarget(), diverged, s.omegaZeroEvents(),
                recordDiagnostics ? s.diagnostics() : null);
    }

    /** Counts Omega terms skipped on a zero error signal within one iteration. */
    protected static final class ZeroEvents {
        int count;
    }

    protected INDArray normalize(INDArray g) {
        return settings.normalize().apply(g, settings.c());
    }

    /** The regularizer's derivatives, or null (counted) when its error signal is exactly zero. */
    protected GradientFlowRegularizer.Derivatives omega(INDArray g, INDArray w, INDArray a, ZeroEvents events) {
        GradientFlowRegularizer.Derivatives d = omega.derivatives(g, w, a);
        if (d == null) {
            events.count++;
        }
        return d;
    }

    /**
     * dWhy (regularized when alpha > 0, with g = dL/do, a = h_{T-1} constant, W = Why, then
     * normalized) and dby (raw).
     */
    protected INDArray[] outputLayer(Weights w, ForwardPass fp, INDArray dO, ZeroEvents events) {
        INDArray dWhy = Nd.mmul(fp.last(), true, dO, false);
        if (settings.alpha() > 0) {
            GradientFlowRegularizer.Derivatives d = omega(dO, w.why, fp.h(fp.length - 1), events);
            if (d != null) {
                dWhy.addi(d.dW().muli(settings.alpha()));
            }
        }
        return new INDArray[] {normalize(dWhy), dO.sum(0)};
    }

    /**
     * The top target's pre-activation a_K: from a_0 = h_{T-1}, K steps
     * {@code a <- a - beta normalize(dE/da + alpha dOmega/da)} on E = L(tanh(a) Why + by), with
     * Omega's g = dE/du and W = Why.
     */
    protected INDArray topTargetPreActivation(Weights w, ForwardPass fp, OutputLoss loss, Batch batch, ZeroEvents events) {
        INDArray a = fp.h(fp.length - 1).dup('c');
        for (int k = 0; k < settings.k(); k++) {
            INDArray tanhA = Transforms.tanh(a, true);
            INDArray u = tanhA.mmul(w.why).addiRowVector(w.by);
            INDArray dU = loss.gradient(u, batch);
            INDArray g = Nd.mmul(dU, false, w.why, true).muli(Nd.tanhDerivativeFromOutput(tanhA));
            if (settings.alpha() > 0) {
                GradientFlowRegularizer.Derivatives d = omega(dU, w.why, a, events);
                if (d != null) {
                    g.addi(d.dA().muli(settings.alpha()));
                }
            }
            a.subi(normalize(g).mul(settings.beta()));
        }
        return a;
    }

    /** L at the network read out from a target state. */
    protected static double lossAt(Weights w, INDArray targetState, OutputLoss loss, Batch batch) {
        return loss.value(targetState.mmul(w.why).addiRowVector(w.by), batch);
    }
}
