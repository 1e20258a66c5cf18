package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;
import org.lrasweep.sweep.run.ProfileCheck;

/**
 * The Kaplan-Meier figure marks every censored trial by why it stopped; the gradient figure keeps exact zeros; the
 * best-against-final figure sizes its markers by the trials they stand for.
 */
class SurvivalAndZerosFigureTest {
    @Test
    void censoredTrialsAreMarkedByReasonAndZeroNormsSitOnALabelledFloor() {
        Configuration c = Configuration.of(ParamValues.defaults().with(TrialParameters.MAX_ITERATIONS, 5000));
        // Six seeds: two solved (at 1,000 and 2,000), two stopped by the plateau rule, one at the budget, one diverged.
        Outcomes o = new Outcomes(new long[] {1, 2, 3, 4, 5, 6}, new boolean[] {true, true, false, false, false, false},
                new long[] {0, 0, 4, 9, 2, 5000}, new long[] {0, 0, 6, 12, 2, 5000}, new int[] {1000, 2000, 1500, 3000, 5000, 700},
                new String[] {"solved", "solved", "plateaued", "plateaued", "max-iterations", "diverged"}, new int[6], new long[6],
                10_000, 5000);
        ConfigurationSummary s = new ConfigurationSummary(c, 6, 2, 2, 1, 1, 0, 2 / 6.0, 0.1, 0.7, 1500, 1000, 2000, 0.99, 0.99, 0, 0, o);
        double[][] profile = {{Double.NaN, 0, 1e-3}, {Double.NaN, 1e-12, 1e-3}, {Double.NaN, 1e-2, 1e-3}};
        double[][] lastCheck = {{Double.NaN, 1e-6, 1e-3}, {Double.NaN, 1e-5, 1e-3}, {Double.NaN, 1e-4, 1e-3}};
        SweepAnalysis a = new SweepAnalysis(null, List.of(s), Map.of(), null, List.of(), Map.of(c.id(), new TreeMap<>()),
                Map.of(c.id(), new TreeMap<>()), Map.of(c.id(), List.of(new GradientProfile(ProfileCheck.FIRST, 100, 6, profile),
                        new GradientProfile(ProfileCheck.LAST, 5000, 6, lastCheck))), List.of(), Map.of(c.id(), new long[] {6, 5}),
                Map.of(c.id(), List.of(new double[] {0.99, 0.99, 3}, new double[] {0.5, 0.25, 1})), Outcomes.DEFAULT_THRESHOLDS);
        Map<String, List<ReportFigures.Figure>> figures = ReportFigures.of(a);

        // The summary's continuous outcome, by hand: best mistakes 0, 0, 2, 4, 9, 5000 -> median 3, quartiles
        // (type 7) 0 + 0.25 * 2 = 0.5 and 4 + 0.75 * 5 = 7.75; 2 of 6 below 1e-4, 5 below 1e-3 and 1e-2.
        org.apache.spark.sql.types.StructType schema = AnalysisTables.summarySchema(a.thresholds);
        org.apache.spark.sql.Row row = AnalysisTables.summaryRows(a).get(0);
        assertEquals(3.0, row.get(schema.fieldIndex("median_best_mistakes")));
        assertEquals(0.5, row.get(schema.fieldIndex("q1_best_mistakes")));
        assertEquals(7.75, row.get(schema.fieldIndex("q3_best_mistakes")));
        assertEquals(2, row.get(schema.fieldIndex("reached_1e-04")));
        assertEquals(5, row.get(schema.fieldIndex("reached_1e-03")));
        assertEquals(5, row.get(schema.fieldIndex("reached_1e-02")));

        ReportFigures.Figure km = figures.get("time").stream().filter(f -> f.name().startsWith("kaplan_meier")).findFirst().orElseThrow();
        XYPlot plot = km.chart().getXYPlot();
        XYDataset marks = plot.getDataset(1);
        Map<String, Integer> byReason = new TreeMap<>();
        for (int i = 0; i < marks.getSeriesCount(); i++) {
            String key = marks.getSeriesKey(i).toString();
            byReason.put(key.substring(key.lastIndexOf(' ') + 1), marks.getItemCount(i));
        }
        assertEquals(Map.of("budget", 1, "plateau", 2, "diverged", 1), byReason);
        // Drawn in one fixed order (later marks cover earlier ones where they meet), whatever the JVM: Map.of's order is
        // salted per JVM, and with it the same data drew different pixels from one run to the next.
        List<String> order = new java.util.ArrayList<>();
        for (int i = 0; i < marks.getSeriesCount(); i++) {
            String key = marks.getSeriesKey(i).toString();
            order.add(key.substring(key.lastIndexOf(' ') + 1));
        }
        assertEquals(List.of("budget", "plateau", "diverged"), order);
        // By hand: at risk 6; the diverged trial leaves at 700; 1,000: 1 event of 5 -> S = 0.8; 1,500: a plateau
        // leaves; 2,000: 1 event of 3 -> S = 0.8 * 2/3. Fraction solved at the end: 1 - 0.5333.
        XYDataset curve = plot.getDataset(0);
        int last = curve.getItemCount(0) - 1;
        assertEquals(1 - 0.8 * 2 / 3.0, curve.getYValue(0, last), 1e-12);
        assertEquals(5000.0, curve.getXValue(0, last));
        assertEquals(5000.0, plot.getDomainAxis().getUpperBound(), 1e-9);
        assertTrue(km.chart().getSubtitleCount() > 1, "numbers at risk under the axis");

        ReportFigures.Figure whh = figures.get("gradients").stream().filter(f -> f.name().startsWith("gradients_whh")).findFirst()
                .orElseThrow();
        List<XYPlot> checks = ((org.jfree.chart.plot.CombinedDomainXYPlot) whh.chart().getPlot()).getSubplots();
        assertEquals(2, checks.size(), "a subplot for each check the output holds: first and last");
        assertTrue(whh.caption().contains("panels: first, last"), whh.caption());
        XYPlot g = checks.get(0);
        assertEquals(3, g.getDataset().getItemCount(0), "the exact zero at step 0 is drawn, not dropped");
        assertEquals(1e-14, g.getDataset().getYValue(0, 0), 1e-20);
        assertEquals(1e-4, checks.get(1).getDataset().getYValue(0, 2), 1e-20);
        assertNotNull(whh.chart().createBufferedImage(ReportFigures.WIDTH, whh.height()));
        IntervalMarker band = (IntervalMarker) g.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).iterator().next();
        assertEquals(ReportFigures.ZERO_BAND, band.getLabel());
        assertNotNull(km.chart().createBufferedImage(ReportFigures.WIDTH, km.height()));

        // Best against final: three trials at one point are one marker of three times the area, not three hidden markers.
        XYPlot stability = figures.get("stability").get(0).chart().getXYPlot();
        assertEquals(2, stability.getDataset().getItemCount(0));
        double one = stability.getRenderer().getItemShape(0, 1).getBounds2D().getWidth();
        double three = stability.getRenderer().getItemShape(0, 0).getBounds2D().getWidth();
        assertEquals(3.0, (three * three) / (one * one), 1e-9);
    }
}
