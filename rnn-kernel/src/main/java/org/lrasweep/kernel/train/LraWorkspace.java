package org.lrasweep.kernel.train;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.model.ForwardPass;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.task.Batch;

/**
 * The buffers of one LRA trainer for one shape (T, B, I, H, O), allocated once and reused every
 * iteration so the hot path never allocates. [B, H] scratch matrices are named by their role.
 */
final class LraWorkspace {
    final ForwardPass fp;
    final Gradients grads;
    final GradientFlowRegularizer omega;
    final Matrix dO;
    final Matrix u;
    final Matrix omegaWhy;
    final Matrix omegaWhh;
    final Matrix omegaA;
    final Matrix topPre;
    final Matrix topTarget;
    final Matrix a;
    final Matrix tanhA;
    final Matrix g;
    final Matrix signalTimesWT;
    final Matrix q;
    final Matrix signal;
    final Matrix targetPre;
    final Matrix targetState;
    /** [deltaAbove; deltaTarget] and [stateSide; scratch]: row views of stacked pairs, so one product serves both. */
    final Matrix deltaPair;
    final Matrix sidePair;
    final Matrix stateSide;
    final Matrix deltaAbove;
    final Matrix deltaTarget;
    final Matrix scratch;
    /** A stacked pair's product with Whh^T, with its halves. */
    final Matrix pairProduct;
    final Matrix pairProductTop;
    final Matrix pairProductBottom;
    /** local's per-step deltas, stacked. */
    final Matrix[] deltaSteps;
    final Matrix stepWhh;
    final Matrix stepWxh;
    final Matrix stepBh;

    LraWorkspace(Weights w, int length, int batch, boolean diagonalQuirk, OmegaGuard guard) {
        int h = w.hiddenSize();
        int o = w.outputSize();
        fp = new ForwardPass(length, batch, h, o);
        grads = Gradients.zerosLike(w);
        omega = new GradientFlowRegularizer(diagonalQuirk, guard, batch, h);
        dO = Matrix.zeros(batch, o);
        u = Matrix.zeros(batch, o);
        omegaWhy = Matrix.zeros(h, o);
        omegaWhh = Matrix.zeros(h, h);
        omegaA = Matrix.zeros(batch, h);
        topPre = Matrix.zeros(batch, h);
        topTarget = Matrix.zeros(batch, h);
        a = Matrix.zeros(batch, h);
        tanhA = Matrix.zeros(batch, h);
        g = Matrix.zeros(batch, h);
        signalTimesWT = Matrix.zeros(batch, h);
        q = Matrix.zeros(batch, h);
        signal = Matrix.zeros(batch, h);
        targetPre = Matrix.zeros(batch, h);
        targetState = Matrix.zeros(batch, h);
        deltaPair = Matrix.zeros(2 * batch, h);
        deltaAbove = deltaPair.rows(0, batch);
        deltaTarget = deltaPair.rows(batch, 2 * batch);
        sidePair = Matrix.zeros(2 * batch, h);
        stateSide = sidePair.rows(0, batch);
        scratch = sidePair.rows(batch, 2 * batch);
        pairProduct = Matrix.zeros(2 * batch, h);
        pairProductTop = pairProduct.rows(0, batch);
        pairProductBottom = pairProduct.rows(batch, 2 * batch);
        deltaSteps = ForwardPass.steps(Matrix.zeros(length * batch, h), length, batch);
        stepWhh = Matrix.zeros(h, h);
        stepWxh = Matrix.zeros(w.inputSize(), h);
        stepBh = Matrix.zeros(1, h);
    }

    boolean fits(Weights w, Batch b) {
        return fp.fits(w, b) && stepWxh.rows == w.inputSize();
    }
}
