package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.stats.WilsonInterval;

/** Where success falls below one half: the bracket per method, by hand-made rates whose bracket is known. */
class FailureLengthTest {
    private static final ParamValues BPTT = ParamValues.defaults();
    private static final ParamValues BPTT_REG = ParamValues.defaults().with(TrialParameters.BPTT_ALPHA, 1.0);

    @Test
    void theBracketRunsFromTheLastLengthSolvingHalfToTheFirstSolvingFewer() {
        List<ConfigurationSummary> s = new ArrayList<>();
        // Given out of order: the bracket follows the lengths, not the input's order.
        s.add(at(BPTT, 75, 0, 10, 0));
        s.add(at(BPTT, 10, 20, 20, 0));
        s.add(at(BPTT, 50, 10, 10, 0));
        s.add(at(BPTT, 30, 10, 10, 0));
        FailureLength f = only(FailureLength.of(s));
        assertEquals(List.of(10, 30, 50, 75), f.lengths().stream().map(x -> x.config().length()).toList());
        assertEquals(50, f.lastAtLeastHalf().config().length());
        assertEquals(75, f.firstBelowHalf().config().length());
        assertTrue(f.monotone());
        // The ends carry their Wilson intervals: 10 of 10 gives [10 / (10 + z^2), 1] = [0.7225, 1], 0 of 10 gives [0, 0.2775].
        assertEquals(0.72247, f.lastAtLeastHalf().successLow(), 1e-5);
        assertEquals(0.27753, f.firstBelowHalf().successHigh(), 1e-5);
    }

    @Test
    void exactlyHalfStillCountsAndFailedTrialsLeaveTheDenominator() {
        // 4 of 8 that ran (2 of the 10 threw): exactly one half, so T = 75 is still a length it solves.
        FailureLength f = only(FailureLength.of(List.of(at(BPTT_REG, 50, 10, 10, 0), at(BPTT_REG, 75, 4, 10, 2),
                at(BPTT_REG, 100, 4, 10, 0))));
        assertEquals(0.5, f.lastAtLeastHalf().successRate());
        assertEquals(75, f.lastAtLeastHalf().config().length());
        assertEquals(100, f.firstBelowHalf().config().length());
    }

    @Test
    void openEndsAndReversalsAreSaidNotHidden() {
        FailureLength never = only(FailureLength.of(List.of(at(BPTT, 10, 20, 20, 0), at(BPTT, 20, 15, 20, 0))));
        assertNull(never.firstBelowHalf(), "never falls: the bracket is open above");
        assertEquals(20, never.lastAtLeastHalf().config().length());

        FailureLength already = only(FailureLength.of(List.of(at(BPTT, 10, 4, 10, 0), at(BPTT, 20, 0, 10, 0))));
        assertNull(already.lastAtLeastHalf(), "below one half at its shortest length: open below");
        assertEquals(10, already.firstBelowHalf().config().length());
        assertTrue(already.monotone());

        FailureLength reversal = only(FailureLength.of(List.of(at(BPTT, 10, 10, 10, 0), at(BPTT, 20, 3, 10, 0),
                at(BPTT, 30, 6, 10, 0))));
        assertEquals(10, reversal.lastAtLeastHalf().config().length());
        assertEquals(20, reversal.firstBelowHalf().config().length());
        assertFalse(reversal.monotone());
    }

    @Test
    void methodsAndTasksAreFollowedApartAndASingleLengthIsNoCurve() {
        ParamValues rp = BPTT.with(TrialParameters.TASK, "random-permutation");
        List<ConfigurationSummary> s = List.of(at(BPTT, 30, 10, 10, 0), at(BPTT, 75, 0, 10, 0),
                at(BPTT_REG, 30, 10, 10, 0), at(BPTT_REG, 75, 9, 10, 0), at(BPTT_REG, 100, 0, 10, 0),
                at(rp, 30, 0, 10, 0), at(rp, 10, 10, 10, 0),
                at(BPTT.with(TrialParameters.BPTT_LEARNING_RATE, 0.01), 75, 0, 10, 0),
                at(BPTT.with(TrialParameters.HIDDEN, 50), 30, 0, 0, 0));
        List<FailureLength> f = FailureLength.of(s);
        assertEquals(List.of("temporal-order BPTT 30-75", "temporal-order BPTT+reg a=1 75-100", "random-permutation BPTT 10-30"),
                f.stream().map(x -> x.method().task() + " " + x.method().method() + " " + x.lastAtLeastHalf().config().length() + "-"
                        + x.firstBelowHalf().config().length()).toList());
    }

    private static FailureLength only(List<FailureLength> f) {
        assertEquals(1, f.size());
        return f.get(0);
    }

    private static ConfigurationSummary at(ParamValues values, int length, int solved, int trials, int failed) {
        int ran = trials - failed;
        double[] ci = ran == 0 ? new double[] {Double.NaN, Double.NaN} : WilsonInterval.of(solved, ran);
        return new ConfigurationSummary(Configuration.of(values.with(TrialParameters.LENGTH, length)), trials, solved, ran - solved, 0, 0,
                failed, ran == 0 ? Double.NaN : (double) solved / ran, ci[0], ci[1], Double.NaN, Double.NaN, Double.NaN, 0.9, 0.5, 0, 0);
    }
}
