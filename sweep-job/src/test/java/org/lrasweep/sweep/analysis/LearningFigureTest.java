package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/** The learning-curve figure on hand-made curves: its band, single checks, carried ends and split seeds. */
class LearningFigureTest {
    @Test
    void bandsAreDrawnSingleChecksAreMarkedEndsAreCarriedAndSplitSeedsAreSaid() {
        Configuration bptt = Configuration.of(ParamValues.defaults());
        Configuration lra = Configuration.of(ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra"));
        // BPTT: every seed solved at the first check. LRA: four checks, seeds split between 1.0 and chance.
        TreeMap<Integer, double[]> solvedAtOnce = new TreeMap<>(Map.of(100, new double[] {1, 1, 1}));
        TreeMap<Integer, double[]> split = new TreeMap<>(Map.of(100, new double[] {0.6, 0.3, 0.9}, 200, new double[] {0.7, 0.25, 1},
                300, new double[] {0.6, 0.25, 1}, 400, new double[] {0.62, 0.25, 1}));
        // Final accuracies: every BPTT seed ends at 1.0; LRA seeds end at 1.0, 1.0, 0.25 and 0.26.
        List<ConfigurationSummary> summaries = List.of(summary(bptt), summary(lra));
        SweepAnalysis a = new SweepAnalysis(null, summaries, Map.of(), null, List.of(), Map.of(bptt.id(), solvedAtOnce, lra.id(), split),
                Map.of(bptt.id(), new TreeMap<>(), lra.id(), new TreeMap<>()), Map.of(), List.of(),
                Map.of(bptt.id(), new long[] {4, 4}, lra.id(), new long[] {4, 2}), Map.of(), Outcomes.DEFAULT_THRESHOLDS);
        ReportFigures.Figure figure = ReportFigures.of(a).get("learning").get(0);
        XYPlot plot = figure.chart().getXYPlot();
        DeviationRenderer r = (DeviationRenderer) plot.getRenderer();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        int b = data.getSeries(0).getKey().toString().startsWith("BPTT") ? 0 : 1;
        int l = 1 - b;
        // BPTT's one check is marked and carried to the panel's end (400), where its trials still are, at no
        // mistake: drawn on the floor (half a mistake of the 10,000 test sequences), which is labelled.
        assertTrue(r.getSeriesShapesVisible(b));
        assertEquals(400.0, data.getSeries(b).getX(data.getItemCount(b) - 1).doubleValue());
        assertEquals(0.5 / 10_000, data.getYValue(b, data.getItemCount(b) - 1), 1e-15);
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        assertEquals(ReportFigures.NO_MISTAKE_BAND, ((org.jfree.chart.plot.IntervalMarker) plot.getRangeMarkers(
                org.jfree.chart.ui.Layer.BACKGROUND).iterator().next()).getLabel());
        // The LRA split at 200: median accuracy 0.7 is error 0.3; its band runs from 1 - Q3 = 0 (the floor) to 1 - Q1 = 0.75.
        assertEquals(0.3, data.getYValue(l, 1), 1e-12);
        assertEquals(0.5 / 10_000, data.getStartYValue(l, 1), 1e-15);
        assertEquals(0.75, data.getEndYValue(l, 1), 1e-12);
        // The split is said, not hidden behind its median.
        assertTrue(data.getSeries(l).getKey().toString().endsWith("[2 of 4 seeds end above 0.9]"), data.getSeries(l).getKey().toString());
        assertTrue(!data.getSeries(b).getKey().toString().contains("seeds end above"));
        // The interquartile band: painted in the series' colour, and visible in the image between the quartiles.
        assertEquals(r.lookupSeriesPaint(l), r.lookupSeriesFillPaint(l));
        assertNotEquals(Color.WHITE, r.lookupSeriesFillPaint(l));
        BufferedImage image = figure.chart().createBufferedImage(ReportFigures.WIDTH, ReportFigures.HEIGHT);
        assertTrue(tintedPixels(image) > 20_000, "the band covers a large area; lines alone tint a few thousand pixels");
    }

    /** Pixels that are neither white, grey nor black: the band's tint (lines are thin and few). */
    private static int tintedPixels(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y));
                int spread = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()))
                        - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                if (spread > 20 && spread < 120) {
                    n++;
                }
            }
        }
        return n;
    }

    private static ConfigurationSummary summary(Configuration c) {
        return new ConfigurationSummary(c, 4, 0, 0, 4, 0, 0, 0, 0, 0.5, Double.NaN, Double.NaN, Double.NaN, 1, 0.6, 0, 0);
    }
}
