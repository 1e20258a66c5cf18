package org.lrasweep.kernel.train;

/**
 * One row of a learning curve, at a check.
 *
 * @param iteration    iterations run so far
 * @param trainLoss    the network's loss on that iteration's training batch
 * @param targetLoss   LRA: the loss at the top target (the reference's printed "train loss"); NaN for BPTT
 * @param testLoss     mean loss on the test set
 * @param testAccuracy fraction of the test set classified correctly
 */
public record CurvePoint(int iteration, double trainLoss, double targetLoss, double testLoss, double testAccuracy) {
}
