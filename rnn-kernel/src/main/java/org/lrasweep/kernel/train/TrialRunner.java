package org.lrasweep.kernel.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.model.Evaluation;
import org.lrasweep.kernel.model.Evaluator;
import org.lrasweep.kernel.model.OrthogonalInit;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.random.NumpyRandomState;
import org.lrasweep.kernel.task.Batch;
import org.lrasweep.kernel.task.Task;

/**
 * The reference's training protocol (spec section 5): one numpy-exact stream per trial, the test
 * set drawn first, a fresh batch per iteration, a test evaluation every {@code checkEvery}
 * iterations, and the first of solved, diverged, plateaued or the budget ends the trial.
 *
 * <p>A trial can start from a {@link TrialCheckpoint} of its trajectory (its own, after a kill, or
 * one of a trial that differs only in its stopping rule) and then ends exactly as the
 * uninterrupted trial would, bit for bit: the checkpoint holds everything the loop carries.
 */
public final class TrialRunner {
    private TrialRunner() {
    }

    /** Runs a trial to its end. */
    public static TrialResult run(TrialConfig config) {
        return run(config, p -> { });
    }

    /**
     * Runs a trial to its end, reporting each learning-curve row as it is measured.
     *
     * @param onCheck called after every check, in order
     */
    public static TrialResult run(TrialConfig config, Consumer<CurvePoint> onCheck) {
        return run(config, null, CheckpointSink.NONE, onCheck);
    }

    /**
     * Runs a trial to its end from the start or from a checkpoint of its trajectory, keeping
     * checkpoints as the sink asks.
     *
     * @param from    a state to continue from, or null for iteration 0; it must serve the
     *                configuration and be reachable under its stopping rule
     *                ({@link TrialCheckpoint#cutUnder}); when the rule ends the trial right there,
     *                the result is read off the checkpoint without training
     * @param sink    where periodic checkpoints and the final state go
     * @param onCheck called after every check this run makes, in order
     * @throws IllegalArgumentException when the checkpoint cannot serve this configuration
     */
    public static TrialResult run(TrialConfig config, TrialCheckpoint from, CheckpointSink sink, Consumer<CurvePoint> onCheck) {
        long start = System.nanoTime();
        Task task = config.taskInstance();
        NumpyRandomState stream = new NumpyRandomState(config.seed());
        Batch testSet = task.generate(stream, config.testSize(), config.length());
        Trainer trainer = config.trainer();
        Loop s = from == null
                ? new Loop(OrthogonalInit.forSeed(config.seed(), task.inputSize(), config.hidden(), task.outputSize()))
                : Loop.resume(config, from, stream, trainer);
        if (s.status != null) {
            return s.result(config, start, s.iteration);
        }
        Evaluator evaluator = new Evaluator(testSet);
        int startIteration = s.iteration;
        long lastSave = System.nanoTime();
        s.status = TrialStatus.MAX_ITERATIONS;
        while (s.iteration < config.maxIterations()) {
            if (sink.periodNanos() > 0 && System.nanoTime() - lastSave >= sink.periodNanos()) {
                sink.periodic(s.checkpoint(config, stream, trainer, start));
                lastSave = System.nanoTime();
            }
            Batch batch = task.generate(stream, config.batch(), config.length());
            s.iteration++;
            boolean check = s.iteration % config.checkEvery() == 0;
            StepReport report = trainer.step(s.w, batch, check);
            s.omegaZeroEvents += report.omegaZeroEvents();
            if (report.omegaZeroEvents() > 0 && s.omegaGuardFirst < 0) {
                s.omegaGuardFirst = s.iteration;
            }
            if (report.diverged() || !Double.isFinite(report.trainLoss())) {
                s.status = TrialStatus.DIVERGED;
                s.diverged = true;
                break;
            }
            if (!check) {
                continue;
            }
            Evaluation eval = evaluator.evaluate(s.w, trainer.evaluationStart());
            CurvePoint point = new CurvePoint(s.iteration, report.trainLoss(), report.targetLoss(), eval.loss(), eval.accuracy());
            s.curve.add(point);
            s.diagnostics.add(new DiagnosticsPoint(s.iteration, report.diagnostics()));
            onCheck.accept(point);
            if (!Double.isFinite(eval.loss())) {
                s.status = TrialStatus.DIVERGED;
                break;
            }
            if (eval.error() < config.solvedError()) {
                s.status = TrialStatus.SOLVED;
                s.bestError = Math.min(s.bestError, eval.error());
                break;
            }
            if (eval.error() < s.bestError) {
                s.bestError = eval.error();
                s.checksSinceBest = 0;
            } else if (++s.checksSinceBest >= config.patience()) {
                s.status = TrialStatus.PLATEAUED;
                break;
            }
        }
        sink.last(s.checkpoint(config, stream, trainer, start));
        return s.result(config, start, startIteration);
    }

    /** What the protocol's loop carries from one iteration to the next. */
    private static final class Loop {
        final Weights w;
        final List<CurvePoint> curve = new ArrayList<>();
        final List<DiagnosticsPoint> diagnostics = new ArrayList<>();
        TrialStatus status;
        boolean diverged;
        int iteration;
        double bestError = Double.POSITIVE_INFINITY;
        int checksSinceBest;
        long omegaZeroEvents;
        int omegaGuardFirst = -1;
        /** Wall time spent on the trajectory before this run. */
        double earlierSeconds;

        Loop(Weights w) {
            this.w = w;
        }

        /** The loop as the checkpoint left it, with the stream and trainer moved to its position. */
        static Loop resume(TrialConfig config, TrialCheckpoint from, NumpyRandomState stream, Trainer trainer) {
            if (!from.serves(config)) {
                throw new IllegalArgumentException("the checkpoint is of another trajectory");
            }
            StoppingRule.Cut cut = from.cutUnder(config);
            if (!cut.reachable()) {
                throw new IllegalArgumentException("the stopping rule ends this trial before the checkpoint's iteration " + from.iteration());
            }
            if (Double.compare(cut.bestError(), from.bestError()) != 0 || (cut.stop() == null && cut.checksSinceBest() != from.checksSinceBest())) {
                throw new IllegalArgumentException("the checkpoint's counters disagree with its own curve (best error "
                        + from.bestError() + ", replayed " + cut.bestError() + ")");
            }
            Loop s = new Loop(from.weights().copy());
            stream.restore(from.stream());
            trainer.restoreCarriedState(from.carried().stream().map(Matrix::copy).toList());
            s.curve.addAll(from.curve());
            s.diagnostics.addAll(from.diagnostics());
            s.status = cut.stop();
            s.diverged = from.diverged();
            s.iteration = from.iteration();
            s.bestError = cut.bestError();
            s.checksSinceBest = cut.checksSinceBest();
            s.omegaZeroEvents = from.omegaZeroEvents();
            s.omegaGuardFirst = from.omegaGuardFirst();
            s.earlierSeconds = from.wallSeconds();
            return s;
        }

        double seconds(long start) {
            return earlierSeconds + (System.nanoTime() - start) / 1e9;
        }

        TrialCheckpoint checkpoint(TrialConfig config, NumpyRandomState stream, Trainer trainer, long start) {
            return new TrialCheckpoint(TrialCheckpoint.trajectoryOf(config), iteration, diverged, w.copy(),
                    trainer.carriedState().stream().map(Matrix::copy).toList(), stream.state(), bestError, checksSinceBest,
                    omegaZeroEvents, omegaGuardFirst, seconds(start), List.copyOf(curve), List.copyOf(diagnostics));
        }

        TrialResult result(TrialConfig config, long start, int startIteration) {
            CurvePoint last = curve.isEmpty() ? null : curve.get(curve.size() - 1);
            double bestAccuracy = Double.isInfinite(bestError) ? Double.NaN : 1.0 - bestError;
            return new TrialResult(config, status, iteration, status == TrialStatus.SOLVED ? iteration : -1, bestAccuracy,
                    last == null ? Double.NaN : last.testAccuracy(), last == null ? Double.NaN : last.testLoss(), seconds(start),
                    omegaZeroEvents, List.copyOf(curve), List.copyOf(diagnostics), omegaGuardFirst, startIteration);
        }
    }
}
