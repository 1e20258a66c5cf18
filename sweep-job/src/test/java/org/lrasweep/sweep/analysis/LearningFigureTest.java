package org.lrasweep.sweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.lrasweep.kernel.param.ParamValues;
import org.lrasweep.kernel.param.TrialParameters;

/** The learning-curve figure on hand-made curves: its band, single checks, carried ends and split seeds. */
class LearningFigureTest {
    private static final StructType TRIAL = new StructType().add("trial_id", DataTypes.StringType)
            .add("final_accuracy", DataTypes.DoubleType).add("best_accuracy", DataTypes.DoubleType);

    @Test
    void bandsAreDrawnSingleChecksAreMarkedEndsAreCarriedAndSplitSeedsAreSaid() {
        Configuration bptt = Configuration.of(ParamValues.defaults());
        Configuration lra = Configuration.of(ParamValues.defaults().with(TrialParameters.ALGORITHM, "lra"));
        // BPTT: every seed solved at the first check. LRA: four checks, seeds split between 1.0 and chance.
        TreeMap<Integer, double[]> solvedAtOnce = new TreeMap<>(Map.of(100, new double[] {1, 1, 1}));
        TreeMap<Integer, double[]> split = new TreeMap<>(Map.of(100, new double[] {0.6, 0.3, 0.9}, 200, new double[] {0.7, 0.25, 1},
                300, new double[] {0.6, 0.25, 1}, 400, new double[] {0.62, 0.25, 1}));
        Map<String, Configuration> configOfTrial = new HashMap<>();
        List<Row> trials = new java.util.ArrayList<>();
        double[] lraFinals = {1.0, 1.0, 0.25, 0.26};
        for (int i = 0; i < 4; i++) {
            trials.add(new GenericRowWithSchema(new Object[] {"b" + i, 1.0, 1.0}, TRIAL));
            configOfTrial.put("b" + i, bptt);
            trials.add(new GenericRowWithSchema(new Object[] {"l" + i, lraFinals[i], 1.0}, TRIAL));
            configOfTrial.put("l" + i, lra);
        }
        List<ConfigurationSummary> summaries = List.of(summary(bptt), summary(lra));
        SweepAnalysis a = new SweepAnalysis(trials, summaries, List.of(), Map.of(bptt.id(), solvedAtOnce, lra.id(), split),
                Map.of(bptt.id(), new TreeMap<>(), lra.id(), new TreeMap<>()), Map.of(), Map.of(), configOfTrial);
        ReportFigures.Figure figure = ReportFigures.of(a).get("learning").get(0);
        XYPlot plot = figure.chart().getXYPlot();
        DeviationRenderer r = (DeviationRenderer) plot.getRenderer();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();
        assertEquals(2, data.getSeriesCount());
        int b = data.getSeries(0).getKey().toString().startsWith("BPTT") ? 0 : 1;
        int l = 1 - b;
        // BPTT's one check is marked and carried to the panel's end (400), where its trials still are.
        assertTrue(r.getSeriesShapesVisible(b));
        assertEquals(400.0, data.getSeries(b).getX(data.getItemCount(b) - 1).doubleValue());
        assertEquals(1.0, data.getYValue(b, data.getItemCount(b) - 1));
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
