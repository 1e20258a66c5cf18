package org.lrasweep.sweep.analysis;

/**
 * One row of the comparisons table: configuration a against configuration b, both on the same
 * task, length and protocol, within a declared family of questions ({@link ComparisonFamily}).
 *
 * @param family     the family; Holm's adjustment runs within it
 * @param a          the configuration asked about
 * @param b          what it is compared with
 * @param difference success rate of a minus that of b
 * @param low        95% Newcombe hybrid-score lower bound of the difference
 * @param high       upper bound
 * @param pValue     two-sided Fisher exact p-value
 * @param pHolm      Holm-adjusted p-value within the family
 */
public record Comparison(ComparisonFamily family, ConfigurationSummary a, ConfigurationSummary b, double difference,
                         double low, double high, double pValue, double pHolm) {
}
