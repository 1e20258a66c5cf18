package org.lrasweep.sweep.stats;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Holm's step-down adjustment of a family of p-values (Holm, "A simple sequentially rejective
 * multiple test procedure", Scand. J. Statist. 6:65-70, 1979): controls the family-wise error rate
 * of all comparisons of a sweep without assuming independence. Rejecting where the adjusted
 * p-value is below 0.05 is Holm's procedure at level 0.05.
 */
public final class HolmAdjustment {
    private HolmAdjustment() {
    }

    /** Adjusted p-values, in the order given; NaN entries stay NaN and do not count. */
    public static double[] adjust(double[] p) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            order[i] = i;
            if (!Double.isNaN(p[i])) {
                m++;
            }
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
        double[] adjusted = new double[p.length];
        Arrays.fill(adjusted, Double.NaN);
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1.0, (m - rank) * p[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
