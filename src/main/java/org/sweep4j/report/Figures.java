package org.sweep4j.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's figures, drawn with JFreeChart into SVG (JFreeSVG): learning curves with a band of ±
 * 1 standard deviation across seeds, the activation gallery, and the layer diagnostics. Each figure
 * gets its own prefix for SVG ids, so many of them can sit inline in one HTML page.
 */
final class Figures {
  /** Tableau's 10 colours, then 10 darker ones: distinct lines for up to 20 activations. */
  private static final Color[] COLOURS = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf),
    new Color(0x393b79),
    new Color(0x637939),
    new Color(0x8c6d31),
    new Color(0x843c39),
    new Color(0x7b4173),
    new Color(0x3182bd),
    new Color(0x31a354),
    new Color(0x756bb1),
    new Color(0x636363),
    new Color(0xe6550d)
  };

  static final BasicStroke SOLID = new BasicStroke(1.6f);
  private static final BasicStroke DASHED =
      new BasicStroke(
          1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 4f}, 0f);
  private static final AtomicInteger IDS = new AtomicInteger();

  private Figures() {}

  static Color colour(int index) {
    return COLOURS[index % COLOURS.length];
  }

  /**
   * Accuracy (top) and loss (bottom) per epoch: validation solid, training dashed, one colour per
   * activation.
   */
  static String learningCurves(String architecture, List<CellSummary> cells) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(integerAxis("epoch"));
    plot.add(curvePlot(cells, "accuracy", CellSummary::valAccuracy, CellSummary::trainAccuracy), 1);
    XYPlot loss = curvePlot(cells, "loss", CellSummary::valLoss, CellSummary::trainLoss);
    for (int s = 0; s < loss.getDataset().getSeriesCount(); s++) {
      // The accuracy panel's legend already names every colour.
      loss.getRenderer().setSeriesVisibleInLegend(s, false);
    }
    plot.add(loss, 1);
    plot.setGap(12);
    JFreeChart chart = chart(architecture + ": learning curves", plot);
    chart.addSubtitle(
        new TextTitle(
            "solid: validation, dashed: training; bands: ± 1 sd across seeds",
            new Font("SansSerif", Font.PLAIN, 11)));
    return svg(chart, 820, 640);
  }

  private static XYPlot curvePlot(
      List<CellSummary> cells,
      String label,
      java.util.function.Function<CellSummary, Curve> val,
      java.util.function.Function<CellSummary, Curve> train) {
    YIntervalSeriesCollection data = new YIntervalSeriesCollection();
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    renderer.setAlpha(0.12f);
    for (int i = 0; i < cells.size(); i++) {
      CellSummary cell = cells.get(i);
      int valIndex = data.getSeriesCount();
      data.addSeries(series(cell.activation(), val.apply(cell)));
      data.addSeries(series(cell.activation() + " (train)", train.apply(cell)));
      for (int s = valIndex; s <= valIndex + 1; s++) {
        renderer.setSeriesPaint(s, colour(i));
        renderer.setSeriesFillPaint(s, colour(i));
        renderer.setSeriesStroke(s, s == valIndex ? SOLID : DASHED);
      }
      renderer.setSeriesVisibleInLegend(valIndex + 1, false);
    }
    NumberAxis y = new NumberAxis(label);
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, null, y, renderer);
    style(plot);
    return plot;
  }

  private static YIntervalSeries series(String name, Curve curve) {
    YIntervalSeries series = new YIntervalSeries(name);
    for (int e = 0; e < curve.epochs(); e++) {
      double mean = curve.mean().get(e);
      double sd = Double.isNaN(curve.sd().get(e)) ? 0 : curve.sd().get(e);
      series.add(e + 1, mean, mean - sd, mean + sd);
    }
    return series;
  }

  /** One small chart of an activation: f solid, f′ dashed, on the x range sampled. */
  static String galleryPanel(ActivationCurve curve) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYSeries f = new XYSeries("f(x)");
    XYSeries derivative = new XYSeries("f′(x)");
    for (int i = 0; i < curve.x().length; i++) {
      f.add(curve.x()[i], finiteOrNull(curve.f()[i]));
      derivative.add(curve.x()[i], finiteOrNull(curve.derivative()[i]));
    }
    data.addSeries(f);
    data.addSeries(derivative);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, colour(0));
    renderer.setSeriesStroke(0, SOLID);
    renderer.setSeriesPaint(1, colour(3));
    renderer.setSeriesStroke(1, DASHED);
    NumberAxis y = new NumberAxis();
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, new NumberAxis("x"), y, renderer);
    style(plot);
    JFreeChart chart = chart(curve.activation(), plot);
    if (curve.note() != null) {
      chart.addSubtitle(new TextTitle(curve.note(), new Font("SansSerif", Font.PLAIN, 10)));
    }
    return svg(chart, 300, 240);
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /**
   * What averaging buys against what it costs: speed-up over one worker (x) against the difference
   * in final val accuracy (y, with its 95% interval), a point per parallel setting, a colour per
   * cell, labelled by setting.
   */
  static String parallelism(String architecture, List<ParallelismCost> costs) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    List<String> cells = costs.stream().map(ParallelismCost::cell).distinct().toList();
    org.jfree.chart.renderer.xy.XYErrorRenderer renderer =
        new org.jfree.chart.renderer.xy.XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 10));
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      XYIntervalSeries series = new XYIntervalSeries(cell);
      List<String> labels = new java.util.ArrayList<>();
      for (ParallelismCost cost : costs) {
        if (cost.cell().equals(cell)) {
          double y = cost.accuracy().difference();
          double low = Double.isNaN(cost.accuracy().low()) ? y : cost.accuracy().low();
          double high = Double.isNaN(cost.accuracy().high()) ? y : cost.accuracy().high();
          series.add(cost.speedup(), cost.speedup(), cost.speedup(), y, low, high);
          labels.add(cost.setting().replace("workers=", "w").replace(" avg=", "/a"));
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(i, colour(i));
      renderer.setSeriesItemLabelGenerator(i, (dataset, s, item) -> labels.get(item));
    }
    NumberAxis x = new NumberAxis("speed-up over one worker (× wall time per trial)");
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis("Δ final val accuracy vs one worker");
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.addRangeMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(1, Color.GRAY, new BasicStroke(1f)));
    JFreeChart chart = chart(architecture + ": parameter averaging, gain and cost", plot);
    chart.addSubtitle(
        new TextTitle(
            "points: mean over seeds, bars: 95% Welch interval; labels: w<workers>/a<averaging"
                + " frequency>",
            new Font("SansSerif", Font.PLAIN, 11)));
    return svg(chart, 720, 480);
  }

  /**
   * The verdicts at a glance: each activation's difference from the baseline with its 95% Welch
   * interval, a row per comparison, over a band of ±delta (what counts as no difference that
   * matters), coloured by decision.
   */
  static String verdicts(String architecture, List<BaselineComparison> comparisons, double delta) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    org.jfree.chart.renderer.xy.XYErrorRenderer renderer =
        new org.jfree.chart.renderer.xy.XYErrorRenderer();
    renderer.setDrawYError(false);
    renderer.setErrorStroke(SOLID);
    BaselineComparison.Decision[] decisions = BaselineComparison.Decision.values();
    Color[] paints = {
      new Color(0x2ca02c),
      new Color(0xd62728),
      new Color(0x1f77b4),
      new Color(0x7f7f7f),
      Color.LIGHT_GRAY
    };
    String[] rows = new String[comparisons.size()];
    for (int d = 0; d < decisions.length; d++) {
      XYIntervalSeries series = new XYIntervalSeries(decisions[d].label());
      for (int i = 0; i < comparisons.size(); i++) {
        BaselineComparison c = comparisons.get(i);
        rows[i] = c.activation();
        if (c.decision() == decisions[d] && !Double.isNaN(c.difference())) {
          double low = Double.isNaN(c.low()) ? c.difference() : c.low();
          double high = Double.isNaN(c.high()) ? c.difference() : c.high();
          series.add(c.difference(), low, high, i, i, i);
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(d, paints[d]);
    }
    NumberAxis x =
        new NumberAxis(
            "final val accuracy − " + comparisons.get(0).baseline() + " (95% Welch interval)");
    x.setAutoRangeIncludesZero(true);
    org.jfree.chart.axis.SymbolAxis y = new org.jfree.chart.axis.SymbolAxis(null, rows);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    plot.addDomainMarker(
        new org.jfree.chart.plot.IntervalMarker(-delta, delta, new Color(0xe8f0fa)),
        org.jfree.chart.ui.Layer.BACKGROUND);
    plot.addDomainMarker(new org.jfree.chart.plot.ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
    JFreeChart chart = chart(architecture + ": each activation against the baseline", plot);
    chart.addSubtitle(
        new TextTitle(
            "shaded: ±" + delta + " (report.min_difference); colour: the verdict",
            new Font("SansSerif", Font.PLAIN, 11)));
    return svg(chart, 720, 140 + 34 * rows.length);
  }

  /**
   * Final val accuracy against a numeric setting, a point per trial, a colour per activation; a log
   * axis where the values span a factor of ten or more.
   */
  static String settingEffect(SettingEffect effect) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    List<String> activations =
        effect.points().stream().map(SettingEffect.Point::activation).distinct().toList();
    for (int i = 0; i < activations.size(); i++) {
      XYSeries series = new XYSeries(activations.get(i), false, true);
      for (SettingEffect.Point point : effect.points()) {
        if (point.activation().equals(activations.get(i))) {
          series.add(point.value(), point.accuracy());
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(i, colour(i));
    }
    String name = effect.setting().factor();
    org.jfree.chart.axis.ValueAxis x =
        effect.logScale()
            ? new org.jfree.chart.axis.LogAxis(name + " (log scale)")
            : new NumberAxis(name);
    if (x instanceof NumberAxis linear) {
      linear.setAutoRangeIncludesZero(false);
    }
    NumberAxis y = new NumberAxis("final val accuracy");
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);
    return svg(
        chart(effect.architecture() + ": final val accuracy against " + name, plot), 720, 480);
  }

  private static NumberAxis integerAxis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
  }

  static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
    JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 14), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** The chart as an {@code <svg>} element (no XML prolog), with ids unique to this figure. */
  static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D graphics = new SVGGraphics2D(width, height);
    graphics.setDefsKeyPrefix("f" + IDS.incrementAndGet() + "-");
    chart.draw(graphics, new Rectangle(0, 0, width, height));
    return graphics.getSVGElement();
  }
}
