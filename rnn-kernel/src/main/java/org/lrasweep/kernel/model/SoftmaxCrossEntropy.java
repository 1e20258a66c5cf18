package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code L = mean_b(-log softmax(o_b)[y_b])}; a mistake is an argmax (first maximum, as numpy)
 * different from the label. Accumulated in double from the float32 logits.
 */
public final class SoftmaxCrossEntropy implements OutputLoss {
    public static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {
    }

    @Override
    public double value(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int classes = (int) logits.columns();
        double sum = 0;
        for (int b = 0; b < batch.size(); b++) {
            sum += logSumExp(o, b * classes, classes) - o[b * classes + batch.label(b)];
        }
        return sum / batch.size();
    }

    @Override
    public INDArray gradient(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int classes = (int) logits.columns();
        int n = batch.size();
        float[] g = new float[o.length];
        for (int b = 0; b < n; b++) {
            int off = b * classes;
            double lse = logSumExp(o, off, classes);
            for (int k = 0; k < classes; k++) {
                g[off + k] = (float) (Math.exp(o[off + k] - lse) / n);
            }
            g[off + batch.label(b)] -= 1f / n;
        }
        return Nd.matrix(g, n, classes);
    }

    @Override
    public int mistakes(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int classes = (int) logits.columns();
        int wrong = 0;
        for (int b = 0; b < batch.size(); b++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (o[b * classes + k] > o[b * classes + best]) {
                    best = k;
                }
            }
            if (best != batch.label(b)) {
                wrong++;
            }
        }
        return wrong;
    }

    private static double logSumExp(float[] o, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, o[off + k]);
        }
        if (!Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.exp(o[off + k] - max);
        }
        return max + Math.log(s);
    }
}
