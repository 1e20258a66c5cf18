package org.lrasweep.kernel.model;

import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.task.Adding;
import org.lrasweep.kernel.task.Batch;

/**
 * Regression loss of the adding task: mean of {@code (o - y)^2} over batch and outputs; a sample
 * is a mistake when its squared error exceeds {@link Adding#ERROR_THRESHOLD}.
 */
public final class SquaredError implements OutputLoss {
    public static final SquaredError INSTANCE = new SquaredError();

    private SquaredError() {
    }

    @Override
    public double value(Matrix logits, Batch batch) {
        double sum = 0;
        for (int b = 0; b < logits.rows; b++) {
            sum += squaredError(logits, batch, b);
        }
        return sum / logits.size();
    }

    @Override
    public void gradient(Matrix logits, Batch batch, Matrix dst) {
        int n = logits.size();
        for (int b = 0; b < logits.rows; b++) {
            for (int k = 0; k < logits.cols; k++) {
                dst.set(b, k, 2f * (logits.get(b, k) - batch.target(b, k)) / n);
            }
        }
    }

    @Override
    public int mistakes(Matrix logits, Batch batch) {
        int wrong = 0;
        for (int b = 0; b < logits.rows; b++) {
            if (squaredError(logits, batch, b) > Adding.ERROR_THRESHOLD) {
                wrong++;
            }
        }
        return wrong;
    }

    private static double squaredError(Matrix logits, Batch batch, int b) {
        double se = 0;
        for (int k = 0; k < logits.cols; k++) {
            double d = logits.get(b, k) - batch.target(b, k);
            se += d * d;
        }
        return se;
    }
}
