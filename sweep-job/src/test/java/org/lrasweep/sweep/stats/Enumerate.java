package org.lrasweep.sweep.stats;

/**
 * Brute-force null distributions for the tests: every sign assignment or every split of the ranks,
 * counted one by one, so that the dynamic programmes and Commons' exact p-values are checked against
 * the definition rather than against another recursion.
 */
final class Enumerate {
    private Enumerate() {
    }

    /** Counts of W+ = t over all 2^n assignments of signs to the ranks 1..n. */
    static long[] signedRank(int n) {
        long[] counts = new long[n * (n + 1) / 2 + 1];
        for (int mask = 0; mask < (1 << n); mask++) {
            int w = 0;
            for (int r = 1; r <= n; r++) {
                if ((mask & (1 << (r - 1))) != 0) {
                    w += r;
                }
            }
            counts[w]++;
        }
        return counts;
    }

    /** Counts of U = u over all C(m+n, m) choices of which of the ranks 1..m+n go to the first sample. */
    static long[] rankSum(int m, int n) {
        long[] counts = new long[m * n + 1];
        for (int mask = 0; mask < (1 << (m + n)); mask++) {
            if (Integer.bitCount(mask) != m) {
                continue;
            }
            int rankSum = 0;
            for (int r = 1; r <= m + n; r++) {
                if ((mask & (1 << (r - 1))) != 0) {
                    rankSum += r;
                }
            }
            counts[rankSum - m * (m + 1) / 2]++;
        }
        return counts;
    }

    /** Two-sided p-value 2 min(P(S <= s), P(S >= s)), capped at 1, of an integer statistic. */
    static double twoSided(long[] counts, int s) {
        long total = 0;
        long below = 0;
        long above = 0;
        for (int t = 0; t < counts.length; t++) {
            total += counts[t];
            if (t <= s) {
                below += counts[t];
            }
            if (t >= s) {
                above += counts[t];
            }
        }
        return Math.min(1.0, 2.0 * Math.min(below, above) / total);
    }

    /** The largest k with 2 P(S <= k - 1) <= alpha (at least 1). */
    static int criticalOrder(long[] counts, double alpha) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        long cumulative = 0;
        int k = 1;
        for (int t = 0; t < counts.length; t++) {
            cumulative += counts[t];
            if (2.0 * cumulative / total <= alpha) {
                k = t + 1;
            } else {
                break;
            }
        }
        return k;
    }

    /** P(S <= t). */
    static double cdf(long[] counts, int t) {
        long total = 0;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            total += counts[i];
            if (i <= t) {
                below += counts[i];
            }
        }
        return (double) below / total;
    }
}
