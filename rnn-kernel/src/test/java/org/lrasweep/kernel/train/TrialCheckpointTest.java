package org.lrasweep.kernel.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/**
 * A trial continued from a checkpoint ends exactly as the uninterrupted trial: after a kill
 * (periodic checkpoints at arbitrary iterations) and under a looser stopping rule (the final
 * checkpoint of a shorter or less patient trial), for every algorithm, with and without the
 * regularizer, on every classification task.
 */
class TrialCheckpointTest {
    private static final String[] TASKS = {"temporal-order", "temporal-order-3bit", "random-permutation"};

    /** BPTT, released and local, each with alpha 0 and alpha > 0, and local with momentum. */
    private static List<TrialConfig> configs(String task, int maxIterations, int patience) {
        List<TrialConfig> out = new ArrayList<>();
        for (double alpha : new double[] {0, 0.5}) {
            out.add(config(task, Algorithm.BPTT, new BpttSettings(0.1, 1, alpha), null, maxIterations, patience));
            for (String variant : new String[] {"released", "local"}) {
                out.add(config(task, Algorithm.LRA, null, lra(variant, alpha, 0), maxIterations, patience));
            }
        }
        out.add(config(task, Algorithm.LRA, null, lra("local", 0, 0.5), maxIterations, patience));
        return out;
    }

    private static TrialConfig config(String task, Algorithm a, BpttSettings bptt, LraSettings lra, int maxIterations, int patience) {
        return new TrialConfig(task, 10, 7, a, 16, 8, 200, 50, patience, maxIterations, 1e-4, bptt, lra);
    }

    private static LraSettings lra(String variant, double alpha, double momentum) {
        return LraSettings.from(ParamValues.defaults().with(TrialParameters.LRA_VARIANT, variant)
                .with(TrialParameters.LRA_ALPHA, alpha).with(TrialParameters.LRA_MOMENTUM, momentum));
    }

    private static TrialConfig withRule(TrialConfig c, int maxIterations, int patience) {
        return new TrialConfig(c.task(), c.length(), c.seed(), c.algorithm(), c.hidden(), c.batch(), c.testSize(), c.checkEvery(),
                patience, maxIterations, c.solvedError(), c.bptt(), c.lra());
    }

    /** Keeps the final state, and every periodic one (a period of 1 ns: one per iteration). */
    private static final class Recorder implements CheckpointSink {
        final long period;
        final List<byte[]> periodic = new ArrayList<>();
        TrialCheckpoint last;

        Recorder(long period) {
            this.period = period;
        }

        @Override
        public long periodNanos() {
            return period;
        }

        @Override
        public void periodic(TrialCheckpoint state) {
            periodic.add(state.encode());
        }

        @Override
        public void last(TrialCheckpoint state) {
            last = state;
        }
    }

    static void assertSameTrial(TrialResult expected, TrialResult actual, String what) {
        assertEquals(expected.status(), actual.status(), what);
        assertEquals(expected.iterations(), actual.iterations(), what);
        assertEquals(expected.solvedAt(), actual.solvedAt(), what);
        assertEquals(Double.doubleToLongBits(expected.bestAccuracy()), Double.doubleToLongBits(actual.bestAccuracy()), what);
        assertEquals(Double.doubleToLongBits(expected.finalAccuracy()), Double.doubleToLongBits(actual.finalAccuracy()), what);
        assertEquals(Double.doubleToLongBits(expected.finalTestLoss()), Double.doubleToLongBits(actual.finalTestLoss()), what);
        assertEquals(expected.omegaZeroEvents(), actual.omegaZeroEvents(), what);
        assertEquals(expected.omegaGuardFirst(), actual.omegaGuardFirst(), what);
        assertEquals(expected.curve(), actual.curve(), what);
        assertEquals(expected.diagnostics().size(), actual.diagnostics().size(), what);
        for (int i = 0; i < expected.diagnostics().size(); i++) {
            StepDiagnostics e = expected.diagnostics().get(i).steps();
            StepDiagnostics a = actual.diagnostics().get(i).steps();
            assertEquals(expected.diagnostics().get(i).iteration(), actual.diagnostics().get(i).iteration(), what);
            assertTrue(Arrays.equals(e.localLosses(), a.localLosses()) && Arrays.equals(e.whhNorms(), a.whhNorms())
                    && Arrays.equals(e.wxhNorms(), a.wxhNorms()) && Arrays.equals(e.bhNorms(), a.bhNorms()), what + " diagnostics " + i);
        }
    }

    @Test
    void aLongerBudgetContinuesTheShorterTrialBitForBit() throws Exception {
        int continued = 0;
        int inherited = 0;
        for (String task : TASKS) {
            for (TrialConfig shortRun : configs(task, 2_000, 1_000)) {
                Recorder sink = new Recorder(0);
                TrialResult first = TrialRunner.run(shortRun, null, sink, p -> { });
                TrialCheckpoint fin = TrialCheckpoint.decode(sink.last.encode());
                TrialConfig longRun = withRule(shortRun, 5_000, 1_000);
                TrialResult extended = TrialRunner.run(longRun, fin, CheckpointSink.NONE, p -> { });
                String what = task + " " + shortRun.algorithm() + " " + shortRun.bptt() + " " + shortRun.lra();
                assertSameTrial(TrialRunner.run(longRun), extended, what);
                assertEquals(first.iterations(), extended.startIteration(), what);
                if (extended.iterations() > first.iterations()) {
                    continued++;
                } else {
                    inherited++;
                }
            }
        }
        assertTrue(continued >= 3 && inherited >= 1, continued + " continued, " + inherited + " inherited");
    }

    @Test
    void morePatienceContinuesThePlateauedTrialBitForBit() throws Exception {
        int continued = 0;
        for (String task : TASKS) {
            for (TrialConfig impatient : configs(task, 5_000, 5)) {
                Recorder sink = new Recorder(0);
                TrialResult first = TrialRunner.run(impatient, null, sink, p -> { });
                TrialConfig patient = withRule(impatient, 5_000, 30);
                TrialResult extended = TrialRunner.run(patient, TrialCheckpoint.decode(sink.last.encode()), CheckpointSink.NONE, p -> { });
                assertSameTrial(TrialRunner.run(patient), extended, task + " " + impatient.algorithm() + " " + impatient.lra());
                if (first.status() == TrialStatus.PLATEAUED && extended.iterations() > first.iterations()) {
                    continued++;
                }
            }
        }
        assertTrue(continued >= 3, continued + " plateaued trials continued");
    }

    @Test
    void aKilledTrialResumedFromAnyPeriodicCheckpointEndsAsTheUninterruptedOne() throws Exception {
        for (TrialConfig c : configs("temporal-order", 400, 30)) {
            Recorder every = new Recorder(1);
            TrialResult whole = TrialRunner.run(c, null, every, p -> { });
            assertEquals(whole.iterations(), every.periodic.size(), "a checkpoint before every iteration");
            for (int at : java.util.stream.IntStream.of(1, 37, 100, 399).filter(i -> i < every.periodic.size()).toArray()) {
                TrialCheckpoint cp = TrialCheckpoint.decode(every.periodic.get(at));
                assertEquals(at, cp.iteration());
                TrialResult resumed = TrialRunner.run(c, cp, CheckpointSink.NONE, p -> { });
                assertSameTrial(whole, resumed, c.algorithm() + " " + c.lra() + " from " + at);
                assertEquals(at, resumed.startIteration());
            }
        }
    }

    @Test
    void aDamagedCheckpointIsRefused() throws Exception {
        TrialConfig c = configs("temporal-order", 100, 30).get(1);
        Recorder sink = new Recorder(0);
        TrialRunner.run(c, null, sink, p -> { });
        byte[] good = sink.last.encode();
        assertEquals(good.length, TrialCheckpoint.decode(good).encode().length);
        byte[] truncated = Arrays.copyOf(good, good.length / 2);
        assertTrue(assertThrows(TrialCheckpoint.Corrupt.class, () -> TrialCheckpoint.decode(truncated)).getMessage().startsWith("truncated"));
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 0x10;
        assertEquals("checksum mismatch", assertThrows(TrialCheckpoint.Corrupt.class, () -> TrialCheckpoint.decode(flipped)).getMessage());
        assertThrows(TrialCheckpoint.Corrupt.class, () -> TrialCheckpoint.decode(new byte[0]));
        assertArrayEquals(good, TrialCheckpoint.decode(good).encode());
    }

    @Test
    void aCheckpointServesOnlyItsTrajectoryAndOnlyRulesThatReachIt() throws Exception {
        TrialConfig c = configs("temporal-order-3bit", 1_000, 1_000).get(1);
        Recorder sink = new Recorder(0);
        TrialRunner.run(c, null, sink, p -> { });
        assertTrue(sink.last.iteration() >= 100, "ran " + sink.last.iteration());
        TrialConfig otherSeed = new TrialConfig(c.task(), c.length(), 8, c.algorithm(), c.hidden(), c.batch(), c.testSize(),
                c.checkEvery(), c.patience(), c.maxIterations(), c.solvedError(), c.bptt(), c.lra());
        assertThrows(IllegalArgumentException.class, () -> TrialRunner.run(otherSeed, sink.last, CheckpointSink.NONE, p -> { }));
        TrialConfig shorter = withRule(c, sink.last.iteration() / 2, 1_000);
        assertTrue(!sink.last.cutUnder(shorter).reachable());
        assertThrows(IllegalArgumentException.class, () -> TrialRunner.run(shorter, sink.last, CheckpointSink.NONE, p -> { }));
    }
}
