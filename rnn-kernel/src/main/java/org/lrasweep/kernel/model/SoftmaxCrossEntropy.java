package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.task.Batch;

/**
 * {@code L = mean_b(-log softmax(o_b)[y_b])}; a mistake is an argmax (first maximum, as numpy)
 * different from the label. Accumulated in double from the float32 logits.
 */
public final class SoftmaxCrossEntropy implements OutputLoss {
    public static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

    private SoftmaxCrossEntropy() {
    }

    @Override
    public double value(Matrix logits, Batch batch) {
        double sum = 0;
        for (int b = 0; b < logits.rows; b++) {
            sum += logSumExp(logits, b) - logits.get(b, batch.label(b));
        }
        return sum / logits.rows;
    }

    @Override
    public void gradient(Matrix logits, Batch batch, Matrix dst) {
        int n = logits.rows;
        for (int b = 0; b < n; b++) {
            double lse = logSumExp(logits, b);
            for (int k = 0; k < logits.cols; k++) {
                dst.set(b, k, (float) (StrictMath.exp(logits.get(b, k) - lse) / n));
            }
            dst.set(b, batch.label(b), dst.get(b, batch.label(b)) - 1f / n);
        }
    }

    @Override
    public int mistakes(Matrix logits, Batch batch) {
        int wrong = 0;
        for (int b = 0; b < logits.rows; b++) {
            int best = 0;
            for (int k = 1; k < logits.cols; k++) {
                if (logits.get(b, k) > logits.get(b, best)) {
                    best = k;
                }
            }
            if (best != batch.label(b)) {
                wrong++;
            }
        }
        return wrong;
    }

    /** log sum exp of a row; StrictMath, because Math.exp/log may differ between JVMs and the loss decides outcomes. */
    private static double logSumExp(Matrix o, int row) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < o.cols; k++) {
            max = Math.max(max, o.get(row, k));
        }
        if (!Double.isFinite(max)) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < o.cols; k++) {
            s += StrictMath.exp(o.get(row, k) - max);
        }
        return max + StrictMath.log(s);
    }
}
