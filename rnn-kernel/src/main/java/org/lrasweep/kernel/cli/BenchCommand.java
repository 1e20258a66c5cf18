package org.lrasweep.kernel.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.lrasweep.kernel.linalg.BlasCore;
import org.lrasweep.kernel.linalg.Matrix;
import org.lrasweep.kernel.linalg.Ops;
import org.lrasweep.kernel.model.Evaluator;
import org.lrasweep.kernel.model.OrthogonalInit;
import org.lrasweep.kernel.model.Weights;
import org.lrasweep.kernel.random.NumpyRandomState;
import org.lrasweep.kernel.task.Batch;
import org.lrasweep.kernel.task.Task;
import org.lrasweep.kernel.train.Trainer;
import org.lrasweep.kernel.train.TrialConfig;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code bench}: times the training step (after warm-up, batches drawn beforehand so only the step
 * is timed) and one full test-set evaluation; prints one JSON line.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Time the training step and one test-set evaluation; one JSON line on stdout.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--iterations", defaultValue = "200", description = "timed training iterations (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "30", description = "untimed iterations first (default: ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--eval-repeats", defaultValue = "3", description = "evaluations timed; the median is reported (default: ${DEFAULT-VALUE})")
    int evalRepeats;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1 || warmup < 0 || evalRepeats < 1) {
            throw new IllegalArgumentException("--iterations and --eval-repeats must be >= 1, --warmup >= 0");
        }
        TrialConfig config = TrialOptions.toConfig(spec);
        BlasCore.fallbackWarning().ifPresent(w -> spec.commandLine().getErr().println("warning: " + w));
        Task task = config.taskInstance();
        NumpyRandomState stream = new NumpyRandomState(config.seed());
        Batch testSet = task.generate(stream, config.testSize(), config.length());
        Batch[] batches = new Batch[Math.min(iterations + warmup, 64)];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = task.generate(stream, config.batch(), config.length());
        }
        Weights w = OrthogonalInit.forSeed(config.seed(), task.inputSize(), config.hidden(), task.outputSize());
        Trainer trainer = config.trainer();
        for (int i = 0; i < warmup; i++) {
            trainer.step(w, batches[i % batches.length], false);
        }
        long flops = Matrix.productFlops();
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            trainer.step(w, batches[(warmup + i) % batches.length], false);
        }
        double msPerIteration = (System.nanoTime() - start) / 1e6 / iterations;
        double productFlopsPerIteration = (double) (Matrix.productFlops() - flops) / iterations;
        double[] evalMs = new double[evalRepeats];
        Evaluator evaluator = new Evaluator(testSet);
        for (int i = 0; i < evalRepeats; i++) {
            long t0 = System.nanoTime();
            evaluator.evaluate(w, trainer.evaluationStart());
            evalMs[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(evalMs);
        ObjectNode out = ResultJson.config(config);
        out.remove(java.util.List.of("check_every", "patience", "max_iterations", "solved_error"));
        out.put("iterations", iterations).put("warmup", warmup)
                .put("ms_per_iteration", msPerIteration)
                .put("eval_ms", evalMs[evalRepeats / 2])
                .put("input_size", task.inputSize()).put("output_size", task.outputSize())

                .put("simd", Ops.simd())
                .put("openblas_coretype", System.getenv().getOrDefault("OPENBLAS_CORETYPE", "detected"))
                .put("blas_core", BlasCore.name())
                .put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"))
                .put("nd4j_max_threads", Nd4j.getEnvironment().maxThreads());
        // The rate of the training step's matrix products (every one it needs, counted as it runs).
        out.put("mflop_per_iteration", productFlopsPerIteration / 1e6)
                .put("gflops", productFlopsPerIteration / msPerIteration / 1e6);
        spec.commandLine().getOut().println(ResultJson.MAPPER.writeValueAsString(out));
        return 0;
    }
}
