package org.lrasweep.kernel.train;

import java.util.List;
import org.lrasweep.kernel.model.Evaluation;

/**
 * Where a trial's trajectory is cut (spec section 5): the first of solved (test error below
 * {@code solvedError}), plateaued ({@code patience} checks without a new best error) and the
 * budget ({@code maxIterations}); divergence belongs to the trajectory itself. The rule never
 * changes the trajectory, so a trajectory known up to some iteration can be judged under any rule
 * by replaying its checks ({@link #cut}).
 *
 * @param maxIterations the iteration budget
 * @param patience      checks without a new best test error before a trial is plateaued
 * @param solvedError   test error below which a trial is solved
 */
public record StoppingRule(int maxIterations, int patience, double solvedError) {
    /** The rule of a trial configuration. */
    public static StoppingRule of(TrialConfig config) {
        return new StoppingRule(config.maxIterations(), config.patience(), config.solvedError());
    }

    /**
     * What this rule makes of a trajectory known up to {@code iteration}.
     *
     * @param stop         the status it ends with at {@code iteration}, or null when it runs on
     * @param reachable    false when the rule would have ended the trial before {@code iteration}
     * @param bestError    the best test error over the checks (infinite before the first)
     * @param checksSinceBest checks since the best error was first reached
     */
    public record Cut(TrialStatus stop, boolean reachable, double bestError, int checksSinceBest) {
        /** The trajectory runs on from here under this rule. */
        public boolean continues() {
            return reachable && stop == null;
        }
    }

    /**
     * Replays the protocol's checks, as {@link TrialRunner} makes them, over a trajectory known up to
     * {@code iteration}.
     *
     * @param curve     the trajectory's checks up to {@code iteration}, in order
     * @param diverged  whether the trajectory diverged at {@code iteration} (it cannot run on)
     * @param testSize  the test set's size, from which each check's error is recovered exactly
     */
    public Cut cut(List<CurvePoint> curve, int iteration, boolean diverged, int testSize) {
        double best = Double.POSITIVE_INFINITY;
        int since = 0;
        for (CurvePoint p : curve) {
            if (p.iteration() > maxIterations) {
                return new Cut(null, false, best, since);
            }
            TrialStatus stop = null;
            double error = Evaluation.error(Evaluation.mistakes(p.testAccuracy(), testSize), testSize);
            if (!Double.isFinite(p.testLoss())) {
                stop = TrialStatus.DIVERGED;
            } else if (error < solvedError) {
                stop = TrialStatus.SOLVED;
                best = Math.min(best, error);
            } else if (error < best) {
                best = error;
                since = 0;
            } else if (++since >= patience) {
                stop = TrialStatus.PLATEAUED;
            }
            if (stop != null) {
                return new Cut(stop, p.iteration() == iteration, best, since);
            }
        }
        if (iteration > maxIterations) {
            return new Cut(null, false, best, since);
        }
        if (diverged) {
            return new Cut(TrialStatus.DIVERGED, true, best, since);
        }
        return new Cut(iteration == maxIterations ? TrialStatus.MAX_ITERATIONS : null, true, best, since);
    }
}
