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
 * per-step updates goes to Wxh only, through h_l, with g = d ell / dh_{l+1}; the target search's
 * Omega uses the post-activation signal {@code dE/dq}; step 0 is never updated; evaluation starts
 * from {@code z_{-1} = x_0 Wxh + bh}. The one departure, shared with {@code local}: Omega is
 * skipped, and counted, where its error signal is exactly zero.
 */
public final class LraReleasedTrainer extends LraTrainer {
    LraReleasedTrainer(LraSettings settings) {
        super(settings, true);
    }

    @Override
    public InitialState evaluationStart() {
        return InitialState.RELEASED;
    }

    @Override
    public LraStep compute(Weights w, Batch batch) {
        settings.checkShape(batch.size(), w.hiddenSize());
        int length = batch.length();
        int b = batch.size();
        double alpha = settings.alpha();
        LocalLoss localLoss = settings.localLoss();
        ZeroEvents events = new ZeroEvents();
        ForwardPass fp = ElmanRnn.forward(w, batch, InitialState.ZERO);
        OutputLoss loss = OutputLoss.of(batch);
        INDArray projected = ElmanRnn.inputProjection(w, batch);
        INDArray inputs = batch.inputMatrix();
        INDArray tanhDerivative = fp.tanhDerivative();
        INDArray[] output = outputLayer(w, fp, loss.gradient(fp.logits, batch), events);

        INDArray topPre = topTargetPreActivation(w, fp, loss, batch, events);
        INDArray topTarget = Transforms.tanh(topPre, true);
        double lossTarget = lossAt(w, topTarget, loss, batch);

        INDArray dWhh = Nd.zeros(w.hiddenSize(), w.hiddenSize());
        INDArray dWxh = Nd.zeros(w.inputSize(), w.hiddenSize());
        INDArray dbh = Nd.zeros(1, w.hiddenSize());
        double[] localLosses = new double[length];
        double[] whhNorms = new double[length];
        double[] wxhNorms = new double[length];
        double[] bhNorms = new double[length];
        INDArray deltas = Nd.zeros((long) length * b, w.hiddenSize());
        INDArray omegaDeltas = alpha > 0 ? Nd.zeros((long) length * b, w.hiddenSize()) : null;

        // ell_l's target side: its pre-activation a_K (= h_l - const) and the state q it yields.
        INDArray targetPre = topPre;
        INDArray targetState = topTarget;
        double ell = localLoss.value(fp.last(), topTarget);
        for (int l = length - 1; l >= 1; l--) {
            localLosses[l] = ell;
            INDArray stateSide;   // d ell / dz (its state argument), for the next target's Omega
            INDArray e;           // d ell / dh_l along every path
            INDArray stepWhh;
            INDArray stepWxh;
            INDArray stepBh;
            INDArray omegaSignal = null;
            INDArray targetDerivative = Nd.tanhDerivativeFromOutput(Transforms.tanh(targetPre, true));
            if (l == length - 1) {
                INDArray dz = localLoss.gradient(fp.last(), targetState);
                e = dz.mul(Nd.step(tanhDerivative, l, b)).subi(dz.mul(targetDerivative));
                stateSide = dz;
                chain(e, l, w, tanhDerivative, deltas, b);
                stepWhh = whhFromChain(fp, deltas, l, b, w);
                stepWxh = Nd.mmul(Nd.rows(inputs, 0, (long) (l + 1) * b), true, Nd.rows(deltas, 0, (long) (l + 1) * b), false);
                stepBh = Nd.rows(deltas, 0, (long) (l + 1) * b).sum(0);
            } else {
                INDArray dState = localLoss.gradient(fp.z(l + 1), targetState);
                INDArray deltaAbove = dState.mul(Nd.step(tanhDerivative, l + 1, b));
                INDArray deltaTarget = dState.neg().muli(Nd.tanhDerivativeFromOutput(targetState));
                stateSide = Nd.mmul(deltaAbove, false, w.whh, true);
                e = stateSide.mul(Nd.step(tanhDerivative, l, b))
                        .addi(Nd.mmul(deltaTarget, false, w.whh, true).muli(targetDerivative));
                chain(e, l, w, tanhDerivative, deltas, b);
                INDArray atAbove = deltaAbove.add(deltaTarget);
                stepWhh = whhFromChain(fp, deltas, l, b, w)
                        .addi(Nd.mmul(fp.z(l), true, deltaAbove, false))
                        .addi(Nd.mmul(Transforms.tanh(targetPre, true), true, deltaTarget, false));
                stepWxh = Nd.mmul(Nd.rows(inputs, 0, (long) (l + 1) * b), true, Nd.rows(deltas, 0, (long) (l + 1) * b), false)
                        .addi(Nd.mmul(Nd.step(inputs, l + 1, b), true, atAbove, false));
                stepBh = Nd.rows(deltas, 0, (long) (l + 1) * b).sum(0).addi(atAbove.sum(0));
                omegaSignal = deltaAbove;
            }
            if (omegaSignal != null && alpha > 0 && ell != 0) {
                GradientFlowRegularizer.Derivatives d = omega(omegaSignal, w.whh, fp.h(l), events);
                if (d != null) {
                    chain(d.dA(), l, w, tanhDerivative, omegaDeltas, b);
                    stepWxh.addi(Nd.mmul(Nd.rows(inputs, 0, (long) (l + 1) * b), true,
                            Nd.rows(omegaDeltas, 0, (long) (l + 1) * b), false).muli(alpha));
                }
            }
            stepWhh = normalize(stepWhh);
            stepWxh = normalize(stepWxh);
            stepBh = stepBh.reshape(1, w.hiddenSize());
            dWhh.addi(stepWhh);
            dWxh.addi(stepWxh);
            dbh.addi(stepBh);
            whhNorms[l] = Nd.norm(stepWhh);
            wxhNorms[l] = Nd.norm(stepWxh);
            bhNorms[l] = Nd.norm(stepBh);
            if (l > 1) {
                // The first target step's gradient dE_0/da_0 = d ell / dh_{l-1} is the chain's next delta.
                INDArray firstGradient = Nd.step(deltas, l - 1, b).dup('c');
                targetPre = targetBelow(w, fp, l, Nd.step(projected, l, b), firstGradient, stateSide, events);
                targetState = Transforms.tanh(Transforms.tanh(targetPre, true).mmul(w.whh).addi(Nd.step(projected, l, b)), false);
                ell = localLoss.value(fp.z(l), targetState);
            }
        }
        Gradients grads = new Gradients(dWxh, dWhh, output[0], dbh, output[1]);
        return new LraStep(loss.value(fp.logits, batch), lossTarget, topTarget, grads,
                new StepDiagnostics(localLosses, whhNorms, wxhNorms, bhNorms), events.count);
    }

    /** Backpropagates {@code start} = d/dh_l down to step 0: deltas rows of steps 0..l. */
    private static void chain(INDArray start, int l, Weights w, INDArray tanhDerivative, INDArray deltas, int b) {
        Nd.step(deltas, l, b).assign(start);
        for (int t = l; t > 0; t--) {
            INDArray below = Nd.step(deltas, t - 1, b);
            Nd.gemm(Nd.step(deltas, t, b), false, w.whh, true, below, 0.0);
            below.muli(Nd.step(tanhDerivative, t - 1, b));
        }
    }

    /** {@code sum_{t=1..l} z_{t-1}^T delta_t} (z_{-1} = 0 contributes nothing). */
    private static INDArray whhFromChain(ForwardPass fp, INDArray deltas, int l, int b, Weights w) {
        return Nd.mmul(Nd.rows(fp.states, 0, (long) l * b), true, Nd.rows(deltas, b, (long) (l + 1) * b), false);
    }

    /**
     * The reference's get_target for step l-1: from a_0 = h_{l-1}, K steps of
     * {@code a <- a - beta normalize(dE_k/da_k + alpha dOmega/da_k)}. E_0 is the current local
     * loss (its gradient passed in); {@code E_k = L(z_l, q_k)} with
     * {@code q_k = tanh(tanh(a_k) Whh + x_l Wxh + bh)} after that, reaching a_k through q_k only.
     * Omega's g is dE_k/dq_k (q_0 = z_l), W = Whh, with the diagonal s.
     *
     * @return a_K
     */
    private INDArray targetBelow(Weights w, ForwardPass fp, int l, INDArray projectedInput, INDArray firstGradient,
                                 INDArray firstStateSide, ZeroEvents events) {
        INDArray a = fp.h(l - 1).dup('c');
        INDArray g = firstGradient;
        INDArray stateSide = firstStateSide;
        for (int k = 0; k < settings.k(); k++) {
            if (k > 0) {
                INDArray tanhA = Transforms.tanh(a, true);
                INDArray q = Transforms.tanh(tanhA.mmul(w.whh).addi(projectedInput), false);
                stateSide = settings.localLoss().gradient(q, fp.z(l));
                g = Nd.mmul(stateSide.mul(Nd.tanhDerivativeFromOutput(q)), false, w.whh, true)
                        .muli(Nd.tanhDerivativeFromOutput(tanhA));
            }
            if (settings.alpha() > 0) {
                GradientFlowRegularizer.Derivatives d = omega(stateSide, w.whh, a, events);
                if (d != null) {
                    g = g.add(d.dA().muli(settings.alpha()));
                }
            }
            a.subi(normalize(g).mul(settings.beta()));
        }
        return a;
    }
}
