package org.lrasweep.kernel.model;

import org.lrasweep.kernel.task.Adding;
import org.lrasweep.kernel.task.Batch;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Regression loss of the adding task: mean of {@code (o - y)^2} over batch and outputs; a sample
 * is a mistake when its squared error exceeds {@link Adding#ERROR_THRESHOLD}.
 */
public final class SquaredError implements OutputLoss {
    public static final SquaredError INSTANCE = new SquaredError();

    private SquaredError() {
    }

    @Override
    public double value(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int outputs = (int) logits.columns();
        double sum = 0;
        for (int b = 0; b < batch.size(); b++) {
            for (int k = 0; k < outputs; k++) {
                double d = o[b * outputs + k] - batch.target(b, k);
                sum += d * d;
            }
        }
        return sum / o.length;
    }

    @Override
    public INDArray gradient(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int outputs = (int) logits.columns();
        float[] g = new float[o.length];
        for (int b = 0; b < batch.size(); b++) {
            for (int k = 0; k < outputs; k++) {
                g[b * outputs + k] = 2f * (o[b * outputs + k] - batch.target(b, k)) / o.length;
            }
        }
        return Nd.matrix(g, batch.size(), outputs);
    }

    @Override
    public int mistakes(INDArray logits, Batch batch) {
        float[] o = Nd.toFloats(logits);
        int outputs = (int) logits.columns();
        int wrong = 0;
        for (int b = 0; b < batch.size(); b++) {
            double se = 0;
            for (int k = 0; k < outputs; k++) {
                double d = o[b * outputs + k] - batch.target(b, k);
                se += d * d;
            }
            if (se > Adding.ERROR_THRESHOLD) {
                wrong++;
            }
        }
        return wrong;
    }
}
