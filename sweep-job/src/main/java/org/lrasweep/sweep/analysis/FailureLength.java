package org.lrasweep.sweep.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one method's success falls below one half as the sequences grow: its configurations that
 * differ only in length, and the bracket [last length solved by at least half its seeds, first
 * length solved by fewer]. The bracket is the estimate, with each end's 95% Wilson interval; no
 * curve is fitted, since success at these lengths is mostly all or nothing and a logistic fit's
 * maximum-likelihood estimate then does not exist (complete separation).
 *
 * <p>The rate at each length is the summary's success rate: solved / trials that ran (failed
 * trials left out). The first
 * length below one half is the shortest such; the last length at or above one half is the longest
 * shorter than it. Where a longer length rises to one half again the bracket is not monotone, and
 * says so, rather than hiding the reversal.
 *
 * @param lengths        the method's configurations, one per length, shortest first
 * @param lastAtLeastHalf the longest length before the fall with success of at least one half; null where the
 *                        method is below one half already at its shortest length
 * @param firstBelowHalf the shortest length with success below one half; null where it never falls (run longer)
 * @param monotone       whether no length after the fall rises to one half again
 */
public record FailureLength(List<ConfigurationSummary> lengths, ConfigurationSummary lastAtLeastHalf, ConfigurationSummary firstBelowHalf,
                            boolean monotone) {

    /** The success rate that counts as solving a length: one half. */
    public static final double HALF = 0.5;

    /**
     * Every method run at two lengths or more: the summaries grouped by all their settings but the
     * length (task included), in the paper's order of their shortest length. Configurations with no
     * trial that ran are left out.
     */
    public static List<FailureLength> of(List<ConfigurationSummary> summaries) {
        Map<List<Object>, List<ConfigurationSummary>> byMethod = new LinkedHashMap<>();
        summaries.stream().filter(s -> s.ran() > 0).sorted(Comparator.comparing(ConfigurationSummary::config, Configuration.PAPER_ORDER))
                .forEach(s -> byMethod.computeIfAbsent(s.config().withoutLength(), k -> new ArrayList<>()).add(s));
        List<FailureLength> out = new ArrayList<>();
        for (List<ConfigurationSummary> group : byMethod.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(Comparator.comparingInt(s -> s.config().length()));
            out.add(bracket(group));
        }
        return out;
    }

    /** The bracket of one method's lengths, shortest first. */
    static FailureLength bracket(List<ConfigurationSummary> lengths) {
        int fall = -1;
        for (int i = 0; i < lengths.size() && fall < 0; i++) {
            if (lengths.get(i).successRate() < HALF) {
                fall = i;
            }
        }
        boolean monotone = true;
        for (int i = fall + 1; fall >= 0 && i < lengths.size(); i++) {
            monotone &= lengths.get(i).successRate() < HALF;
        }
        ConfigurationSummary last = fall < 0 ? lengths.get(lengths.size() - 1) : fall == 0 ? null : lengths.get(fall - 1);
        return new FailureLength(List.copyOf(lengths), last, fall < 0 ? null : lengths.get(fall), monotone);
    }

    /** The method's configuration at its shortest length: what names it. */
    public Configuration method() {
        return lengths.get(0).config();
    }
}
