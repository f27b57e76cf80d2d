package org.sweep4j.report;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.sweep4j.results.LayerMeasure;

/** The layer diagnostics figure: one panel per measure, layers in network order along x. */
final class DiagnosticsFigure {
  private DiagnosticsFigure() {}

  /**
   * The layer diagnostics of one architecture after the last epoch: activation mean and sd,
   * dead-unit fraction, and the gradient norm on a log scale; one line per activation.
   */
  static String of(
      String architecture,
      List<String> activations,
      List<String> layers,
      List<LayerStatSummary> stats) {
    SymbolAxis layerAxis = new SymbolAxis("layer", layers.toArray(String[]::new));
    layerAxis.setGridBandsVisible(false);
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(layerAxis);
    for (LayerMeasure measure : LayerMeasure.values()) {
      plot.add(panel(measure, activations, layers, stats), 1);
    }
    plot.setGap(10);
    JFreeChart chart =
        Figures.chart(
            architecture + ": layer diagnostics after the last epoch (mean over seeds)", plot);
    return Figures.svg(chart, 820, 820);
  }

  private static XYPlot panel(
      LayerMeasure measure,
      List<String> activations,
      List<String> layers,
      List<LayerStatSummary> stats) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int a = 0; a < activations.size(); a++) {
      XYSeries series = new XYSeries(activations.get(a));
      for (LayerStatSummary s : stats) {
        boolean drawable = measure != LayerMeasure.GRADIENT_L2 || s.mean() > 0;
        if (s.activation().equals(activations.get(a)) && s.measure() == measure && drawable) {
          series.add(layers.indexOf(s.layer()), s.mean());
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(a, Figures.colour(a));
      renderer.setSeriesStroke(a, Figures.SOLID);
      renderer.setSeriesVisibleInLegend(a, measure == LayerMeasure.ACTIVATION_MEAN);
    }
    XYPlot panel = new XYPlot(data, null, axis(measure), renderer);
    Figures.style(panel);
    return panel;
  }

  private static ValueAxis axis(LayerMeasure measure) {
    if (measure == LayerMeasure.GRADIENT_L2) {
      LogAxis log = new LogAxis(measure.label() + " (log)");
      log.setSmallestValue(1e-12);
      log.setNumberFormatOverride(new java.text.DecimalFormat("0.##E0"));
      return log;
    }
    NumberAxis linear = new NumberAxis(measure.label());
    linear.setAutoRangeIncludesZero(measure == LayerMeasure.DEAD_FRACTION);
    return linear;
  }
}
