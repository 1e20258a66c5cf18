package org.lrasweep.kernel.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
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
        long start = System.nanoTime();
        Task task = config.taskInstance();
        NumpyRandomState stream = new NumpyRandomState(config.seed());
        Batch testSet = task.generate(stream, config.testSize(), config.length());
        Weights w = OrthogonalInit.forSeed(config.seed(), task.inputSize(), config.hidden(), task.outputSize());
        Trainer trainer = config.trainer();
        Evaluator evaluator = new Evaluator(testSet);

        List<CurvePoint> curve = new ArrayList<>();
        List<DiagnosticsPoint> diagnostics = new ArrayList<>();
        TrialStatus status = TrialStatus.MAX_ITERATIONS;
        int iteration = 0;
        int solvedAt = -1;
        double bestError = Double.POSITIVE_INFINITY;
        int checksSinceBest = 0;
        long omegaZeroEvents = 0;
        double finalAccuracy = Double.NaN;
        double finalLoss = Double.NaN;
        while (iteration < config.maxIterations()) {
            Batch batch = task.generate(stream, config.batch(), config.length());
            iteration++;
            boolean check = iteration % config.checkEvery() == 0;
            StepReport report = trainer.step(w, batch, check);
            omegaZeroEvents += report.omegaZeroEvents();
            if (report.diverged() || !Double.isFinite(report.trainLoss())) {
                status = TrialStatus.DIVERGED;
                break;
            }
            if (!check) {
                continue;
            }
            Evaluation eval = evaluator.evaluate(w, trainer.evaluationStart());
            CurvePoint point = new CurvePoint(iteration, report.trainLoss(), report.targetLoss(), eval.loss(), eval.accuracy());
            curve.add(point);
            diagnostics.add(new DiagnosticsPoint(iteration, report.diagnostics()));
            finalAccuracy = eval.accuracy();
            finalLoss = eval.loss();
            onCheck.accept(point);
            if (!Double.isFinite(eval.loss())) {
                status = TrialStatus.DIVERGED;
                break;
            }
            if (eval.error() < config.solvedError()) {
                status = TrialStatus.SOLVED;
                solvedAt = iteration;
                bestError = Math.min(bestError, eval.error());
                break;
            }
            if (eval.error() < bestError) {
                bestError = eval.error();
                checksSinceBest = 0;
            } else if (++checksSinceBest >= config.patience()) {
                status = TrialStatus.PLATEAUED;
                break;
            }
        }
        double bestAccuracy = Double.isInfinite(bestError) ? Double.NaN : 1.0 - bestError;
        return new TrialResult(config, status, iteration, solvedAt, bestAccuracy, finalAccuracy, finalLoss,
                (System.nanoTime() - start) / 1e9, omegaZeroEvents, List.copyOf(curve), List.copyOf(diagnostics));
    }
}
