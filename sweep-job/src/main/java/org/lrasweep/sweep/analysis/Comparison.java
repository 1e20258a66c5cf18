package org.lrasweep.sweep.analysis;

/**
 * One row of the comparisons table: regularized LRA (a configuration with alpha > 0) against a
 * baseline sharing its task, length and protocol: its alpha = 0 twin or a BPTT configuration.
 *
 * @param kind        {@code vs-unregularized} or {@code vs-bptt}
 * @param regularized the regularized LRA configuration
 * @param baseline    the baseline configuration
 * @param difference  success rate of regularized minus baseline
 * @param low         95% Newcombe hybrid-score lower bound of the difference
 * @param high        upper bound
 * @param pValue      two-sided Fisher exact p-value
 * @param pHolm       Holm-adjusted p-value over the whole table
 */
public record Comparison(String kind, ConfigurationSummary regularized, ConfigurationSummary baseline, double difference,
                         double low, double high, double pValue, double pHolm) {
}
