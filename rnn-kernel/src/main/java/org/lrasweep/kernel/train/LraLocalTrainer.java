package org.lrasweep.kernel.train;

import org.lrasweep.kernel.model.ElmanRnn;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.InitialState;
import org.lrasweep.kernel.model.Nd;
import org.lrasweep.kernel.model.OutputLoss;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

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
    public LraStep compute(Weights w, Batch batch) {
        int length = batch.length();
        int b = batch.size();
        double alpha = settings.alpha();
        ZeroEvents events = new ZeroEvents();
        ForwardPass fp = ElmanRnn.forward(w, batch, InitialState.ZERO);
        OutputLoss loss = OutputLoss.of(batch);
        INDArray projected = ElmanRnn.inputProjection(w, batch);
        INDArray inputs = batch.inputMatrix();
        INDArray[] output = outputLayer(w, fp, loss.gradient(fp.logits, batch), events);

        INDArray topPre = topTargetPreActivation(w, fp, loss, batch, events);
        INDArray target = Transforms.tanh(topPre, true);
        double lossTarget = lossAt(w, target, loss, batch);

        INDArray dWhh = Nd.zeros(w.hiddenSize(), w.hiddenSize());
        INDArray dWxh = Nd.zeros(w.inputSize(), w.hiddenSize());
        INDArray dbh = Nd.zeros(1, w.hiddenSize());
        double[] localLosses = new double[length];
        double[] whhNorms = new double[length];
        double[] wxhNorms = new double[length];
        double[] bhNorms = new double[length];
        INDArray deltaAbove = null;
        for (int t = length - 1; t >= 0; t--) {
            INDArray z = fp.z(t);
            localLosses[t] = settings.localLoss().value(z, target);
            INDArray delta = settings.localLoss().gradient(z, target).muli(Nd.step(fp.tanhDerivative(), t, b));
            INDArray stepWhh = t == 0 ? Nd.zeros(w.hiddenSize(), w.hiddenSize()) : Nd.mmul(fp.z(t - 1), true, delta, false);
            if (alpha > 0 && t < length - 1) {
                GradientFlowRegularizer.Derivatives d = omega(deltaAbove, w.whh, fp.h(t), events);
                if (d != null) {
                    // Explicit Whh term plus the path through h_t on step t's sub-graph.
                    INDArray reg = d.dW();
                    if (t > 0) {
                        reg.addi(Nd.mmul(fp.z(t - 1), true, d.dA(), false));
                    }
                    stepWhh.addi(reg.muli(alpha));
                }
            }
            stepWhh = normalize(stepWhh);
            INDArray stepWxh = normalize(Nd.mmul(Nd.step(inputs, t, b), true, delta, false));
            INDArray stepBh = delta.sum(0).reshape(1, w.hiddenSize());
            dWhh.addi(stepWhh);
            dWxh.addi(stepWxh);
            dbh.addi(stepBh);
            whhNorms[t] = Nd.norm(stepWhh);
            wxhNorms[t] = Nd.norm(stepWxh);
            bhNorms[t] = Nd.norm(stepBh);
            if (t > 0) {
                target = targetBelow(w, fp.h(t - 1), Nd.step(projected, t, b), target, events);
            }
            deltaAbove = delta;
        }
        Gradients grads = new Gradients(dWxh, dWhh, output[0], dbh, output[1]);
        return new LraStep(loss.value(fp.logits, batch), lossTarget, Transforms.tanh(topPre, true), grads,
                new StepDiagnostics(localLosses, whhNorms, wxhNorms, bhNorms), events.count);
    }

    /**
     * zhat_{t-1}: from a = h_{t-1}, K steps of
     * {@code a <- a - beta normalize(d/da L(zhat_t, tanh(p)) + alpha dOmega/da)} with
     * {@code p = tanh(a) Whh + x_t Wxh + bh} and Omega's g = dL/dp; everything but a is constant.
     */
    private INDArray targetBelow(Weights w, INDArray hBelow, INDArray projectedInput, INDArray targetAbove, ZeroEvents events) {
        INDArray a = hBelow.dup('c');
        for (int k = 0; k < settings.k(); k++) {
            INDArray tanhA = Transforms.tanh(a, true);
            INDArray q = Transforms.tanh(tanhA.mmul(w.whh).addi(projectedInput), false);
            INDArray gp = settings.localLoss().gradient(q, targetAbove).muli(Nd.tanhDerivativeFromOutput(q));
            INDArray g = Nd.mmul(gp, false, w.whh, true).muli(Nd.tanhDerivativeFromOutput(tanhA));
            if (settings.alpha() > 0) {
                GradientFlowRegularizer.Derivatives d = omega(gp, w.whh, a, events);
                if (d != null) {
                    g.addi(d.dA().muli(settings.alpha()));
                }
            }
            a.subi(normalize(g).mul(settings.beta()));
        }
        return Transforms.tanh(a, false);
    }
}
