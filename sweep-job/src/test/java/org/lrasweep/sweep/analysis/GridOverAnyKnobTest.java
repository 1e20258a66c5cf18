package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lrasweep.sweep.SparkSessionExtension;
import org.lrasweep.sweep.grid.GridExpander;
import org.lrasweep.sweep.run.SweepRunner;
import org.lrasweep.sweep.spec.SpecParser;
import org.lrasweep.sweep.spec.SweepSpec;

/**
 * A grid over settings the usual label leaves out (hidden, max-iterations, batch) gives
 * configurations of one panel the same method label: the report still works, and every summary
 * row and figure line is told apart by the settings in which it differs.
 */
@ExtendWith(SparkSessionExtension.class)
class GridOverAnyKnobTest {
    @Test
    void aGridOverHiddenBudgetAndBatchReportsWithDistinctLabels(SparkSession spark, @TempDir Path tmp) throws IOException {
        SweepSpec spec = SpecParser.parse(ConfigFactory.parseString("name = knobs\nseeds = [1]\nlength = 10\nalgorithm = bptt\n"
                + "hidden = [8, 12]\nmax-iterations = [10, 15]\nbatch = [4, 8]\ntest-size = 50\ncheck-every = 5\nspark.progress = false\n"
                + "output = \"" + tmp.resolve("out") + "\""), List.of());
        SweepRunner.Outcome o = SweepRunner.run(spark, spec, GridExpander.expand(spec), new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream()));
        assertEquals(8, o.ran());
        Analysis.run(spark, o.output(), true, new PrintWriter(new StringWriter()));
        Path out = tmp.resolve("out");
        assertTrue(Files.exists(out.resolve("report/index.html")));
        List<CSVRecord> summary;
        try (var in = Files.newBufferedReader(out.resolve("csv/summary.csv"))) {
            summary = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
        assertEquals(8, summary.size());
        Set<String> labels = summary.stream().map(r -> r.get("label")).collect(Collectors.toSet());
        assertEquals(8, labels.size(), labels.toString());
        String html = Files.readString(out.resolve("report/index.html"));
        for (String setting : new String[] {"hidden 12", "max-iterations 15", "batch 8"}) {
            assertTrue(html.contains(setting), "the report names " + setting);
        }
    }
}
