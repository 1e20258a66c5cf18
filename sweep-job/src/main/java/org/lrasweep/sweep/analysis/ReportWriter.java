package org.lrasweep.sweep.analysis;

import org.lrasweep.sweep.run.FolderSwap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.lrasweep.sweep.run.RunRecords;

/**
 * Writes a sweep's report, {@code <output>/report/index.html} with its PNG figures beside it,
 * readable offline, on any Hadoop file system: the figures ({@link ReportFigures}) and the page
 * ({@link ReportPage}) are made here and written into a fresh folder that then replaces the old
 * report, so a reader never sees half of one.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** Writes the report under output/report and returns its index path. */
    public static String write(SweepAnalysis a, String output, String into, Configuration hadoop) throws IOException {
        Path target = new Path(into, "report");
        FileSystem fs = target.getFileSystem(hadoop);
        Path fresh = FolderSwap.fresh(target);
        fs.mkdirs(fresh);
        Map<String, List<ReportFigures.Figure>> figures = ReportFigures.of(a);
        for (List<ReportFigures.Figure> section : figures.values()) {
            for (ReportFigures.Figure f : section) {
                try (OutputStream out = fs.create(new Path(fresh, f.name() + ".png"), true)) {
                    f.writePng(out);
                }
            }
        }
        String html = ReportPage.render(a, figures, provenance(new Path(output).getFileSystem(hadoop), output));
        try (OutputStream out = fs.create(new Path(fresh, "index.html"), true)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
        FolderSwap.replace(fs, fresh, target);
        return new Path(target, "index.html").toString();
    }

    /** The output folder and its latest run record ({@code runs/<time>.conf}). */
    private static ReportPage.Provenance provenance(FileSystem fs, String output) throws IOException {
        return RunRecords.latest(fs, output).map(r -> new ReportPage.Provenance(output, r.count(), r.text()))
                .orElse(new ReportPage.Provenance(output, 0, null));
    }
}
