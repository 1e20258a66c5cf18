package org.lrasweep.sweep.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.lrasweep.sweep.analysis.Analysis;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.grid.TrialSpec;
import org.lrasweep.sweep.run.SweepRunner;
import org.lrasweep.sweep.run.OutputSweeps;
import org.lrasweep.sweep.spec.OutputLocation;
import org.lrasweep.sweep.spec.SpecException;
import org.lrasweep.sweep.spec.SpecWarnings;
import org.lrasweep.sweep.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run SPEC [KEY=VALUE...]}: validates the spec, runs its missing trials on Spark, then
 * summarizes the results and writes the report (unless {@code --no-report}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run every trial of the sweep not yet committed in its output folder.")
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec command;

    @Mixin
    SpecArguments arguments;

    @Option(names = "--retry-failed", description = "run the sweep's committed failed trials again (their old rows are replaced)")
    boolean retryFailed;

    @Option(names = "--add", description = "add this sweep to an output that holds another sweep, or another grid of this one "
            + "(more seeds, a longer budget); without it such a run is refused, so that no output mixes sweeps by accident")
    boolean add;

    @Option(names = "--no-report", description = "commit and compact the trials but write no summary or report "
            + "(several drivers sharing one output: one writes them; or `report OUTPUT` later)")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        SweepSpec spec = arguments.parse();
        List<TrialSpec> trials = GridExpander.expand(spec);
        OutputLocation.checkWritable(spec.output());
        if (!add) {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(spec.output());
            org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(OutputLocation.hadoop());
            java.util.Optional<String> refusal = OutputSweeps.refusal(fs, fs.makeQualified(path).toString(), spec, trials);
            if (refusal.isPresent()) {
                throw new SpecException(refusal.get());
            }
        }
        SparkSession spark = SparkSession.builder().appName("lra-sweep " + spec.name()).getOrCreate();
        PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        SpecWarnings.of(spec, trials, spark.sparkContext().master()).forEach(w -> log.println("warning: " + w));
        SweepRunner.Outcome outcome = SweepRunner.run(spark, spec, trials, log, retryFailed);
        command.commandLine().getOut().println(outcome.summary(spec.name()));
        if (noReport) {
            command.commandLine().getOut().println("summary and report not written (--no-report): `report "
                    + outcome.output() + "` writes them");
        } else if (!outcome.statuses().isEmpty()) {
            Analysis.run(spark, outcome.output(), true, command.commandLine().getOut());
        }
        return 0;
    }
}
