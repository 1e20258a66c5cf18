package org.lrasweep.sweep.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.kernel.train.CurvePoint;
import org.lrasweep.kernel.train.DiagnosticsPoint;
import org.lrasweep.kernel.train.StepDiagnostics;
import org.lrasweep.kernel.train.TrialConfig;
import org.lrasweep.kernel.train.TrialResult;
import org.lrasweep.kernel.train.TrialStatus;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.run.CommitProtocol;
import org.lrasweep.sweep.run.Journal;
import org.lrasweep.sweep.run.RunRecords;
import org.lrasweep.sweep.run.TrialOutcome;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * The scale benchmark's input (bench/scale.sh): commits every trial of a spec to its output's
 * journal as the executors would, with made-up results instead of training. Each trial gets
 * 30 to 100 checks (what patience and the solve rule leave of a real budget), so a curve of that
 * many rows and a gradient profile of checks x T rows, drawn from a generator seeded by the trial
 * id: the same journal every time.
 *
 * <p>Usage: {@code SyntheticJournal SPEC [KEY=VALUE...]} (Spark local mode; the spec's output is written).
 */
public final class SyntheticJournal {
    private SyntheticJournal() {
    }

    public static void main(String[] args) throws IOException {
        SweepSpec spec = SpecParser.parse(java.nio.file.Path.of(args[0]), List.of(args).subList(1, args.length));
        List<TrialSpec> trials = GridExpander.expand(spec);
        SparkSession spark = SparkSession.builder().appName("lra-sweep synthetic journal").getOrCreate();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Path out = new Path(spec.output());
        FileSystem fs = out.getFileSystem(jsc.hadoopConfiguration());
        String output = fs.makeQualified(out).toString();
        CommitProtocol protocol = CommitProtocol.of(fs, fs.makeQualified(out), "auto");
        Journal journal = new Journal(output, protocol);
        long start = System.nanoTime();
        // The record a driver writes when it starts: what status reads the plan from.
        RunRecords.write(fs, output, "00000000T000000Z-synthetic", protocol, spec, java.time.Instant.now(), null, trials.size(), 0, 0,
                java.util.Map.of());
        String sweep = spec.name();
        jsc.parallelize(trials, 4 * jsc.defaultParallelism()).foreachPartition(part -> {
            while (part.hasNext()) {
                TrialSpec t = part.next();
                if (!journal.isCommitted(t.trialId())) {
                    journal.commit(sweep, "synthetic", org.lrasweep.sweep.run.Stage.GRID, t, outcome(t));
                }
            }
        });
        System.out.printf("synthetic journal: %d trials committed under %s in %.1f s%n", trials.size(), output,
                (System.nanoTime() - start) / 1e9);
        spark.stop();
    }

    /** A made-up outcome: about a quarter of the trials solved, the rest plateaued. */
    static TrialOutcome outcome(TrialSpec t) {
        SplittableRandom rng = new SplittableRandom(Long.parseUnsignedLong(t.trialId(), 16));
        TrialConfig c = t.config();
        int checks = 30 + rng.nextInt(71);
        boolean solved = rng.nextDouble() < 0.25;
        List<CurvePoint> curve = new ArrayList<>();
        List<DiagnosticsPoint> diagnostics = new ArrayList<>();
        double accuracy = 0.25;
        double best = 0;
        for (int i = 1; i <= checks; i++) {
            int iteration = i * c.checkEvery();
            accuracy = solved && i == checks ? 1.0 : Math.min(0.99, accuracy + rng.nextDouble() * 0.01);
            best = Math.max(best, accuracy);
            curve.add(new CurvePoint(iteration, rng.nextDouble(), rng.nextDouble(), rng.nextDouble(), accuracy));
            double[][] steps = new double[4][c.length()];
            for (double[] row : steps) {
                for (int s = 0; s < row.length; s++) {
                    row[s] = rng.nextDouble();
                }
            }
            diagnostics.add(new DiagnosticsPoint(iteration, new StepDiagnostics(steps[0], steps[1], steps[2], steps[3])));
        }
        int iterations = checks * c.checkEvery();
        TrialResult r = new TrialResult(c, solved ? TrialStatus.SOLVED : TrialStatus.PLATEAUED, iterations,
                solved ? iterations : -1, best, accuracy, rng.nextDouble(), 1 + rng.nextDouble() * 60, 0, curve, diagnostics);
        long now = System.currentTimeMillis();
        return new TrialOutcome(r, null, "synthetic", "synthetic", 0, "synthetic", "synthetic", now - 1000, now);
    }
}
