package org.lrasweep.sweep.analysis;

/**
 * One row of the comparisons table: configuration a against configuration b, both on the same
 * task, length and protocol, within a declared family of questions ({@link ComparisonFamily}),
 * on both outcomes: solved (binary) and the test mistakes at each trial's best check (continuous).
 *
 * @param family     the family; Holm's adjustment runs within it, per test
 * @param a          the configuration asked about
 * @param b          what it is compared with
 * @param difference success rate of a minus that of b
 * @param low        95% Newcombe hybrid-score lower bound of the difference, as if the arms were independent
 * @param high       upper bound
 * @param pValue     two-sided Fisher exact p-value, as if the arms were independent
 * @param pHolm      Holm-adjusted Fisher p-value within the family
 * @param mistakes   the comparison of the two outcomes seed by seed where both arms ran the same seeds, else as independent samples
 */
public record Comparison(ComparisonFamily family, ConfigurationSummary a, ConfigurationSummary b, double difference,
                         double low, double high, double pValue, double pHolm, OutcomeComparison mistakes) {
    /** A comparison of the binary outcome alone (summaries built by hand). */
    public Comparison(ComparisonFamily family, ConfigurationSummary a, ConfigurationSummary b, double difference, double low,
                      double high, double pValue, double pHolm) {
        this(family, a, b, difference, low, high, pValue, pHolm, OutcomeComparison.NONE);
    }
}
