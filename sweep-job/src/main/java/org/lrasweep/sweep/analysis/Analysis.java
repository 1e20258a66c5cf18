package org.lrasweep.sweep.analysis;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The analysis steps a sweep runs at its end, also available as commands on any output folder. */
public final class Analysis {
    private Analysis() {
    }

    /**
     * Computes the statistics of the trials under output, writes the analysis tables and, when
     * asked, the report; prints what was written.
     *
     * It reads the current tables version: a run has just compacted its journal, and the
     * {@code summarize} and {@code report} commands compact it first ({@link Compactor}).
     *
     * @throws IllegalArgumentException when the folder holds no tables
     */
    public static SweepAnalysis run(SparkSession spark, String output, boolean report, PrintWriter out) throws IOException {
        return run(spark, output, output, report, out);
    }

    /** The analysis of output's tables, its tables and report written under into (another folder when output is read-only). */
    public static SweepAnalysis run(SparkSession spark, String output, String into, boolean report, PrintWriter out) throws IOException {
        SweepAnalysis a = SweepAnalysis.of(spark, output);
        List<String> tables = AnalysisTables.write(spark, output, into, a);
        out.printf("summary of %d trials in %d configurations, %d comparisons: %s under %s%n", a.overview.trials(),
                a.summaries.size(), a.comparisons.size(), String.join(", ", tables), into);
        if (report) {
            out.println("report: " + ReportWriter.write(a, output, into, spark.sparkContext().hadoopConfiguration()));
        }
        return a;
    }
}
