package org.sweep4j.report;

import java.util.List;
import java.util.Locale;

/** A small self-contained SVG line chart (no scripts, no external files): one line per series, y in [0, 1]. */
final class SvgLineChart {
  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39"};
  private static final int WIDTH = 640;
  private static final int HEIGHT = 360;
  private static final int LEFT = 50;
  private static final int RIGHT = 170;
  private static final int TOP = 30;
  private static final int BOTTOM = 40;

  /** One named line; {@code dashed} draws it dashed (training curves beside solid validation ones). */
  record Series(String name, List<Double> values, int colour, boolean dashed) {}

  private SvgLineChart() {}

  static String render(String title, String yLabel, List<Series> series) {
    int epochs = series.stream().mapToInt(s -> s.values().size()).max().orElse(1);
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-family=\"sans-serif\">%s"
        + "</text>%n", LEFT, Html.escape(title)));
    for (int tick = 0; tick <= 10; tick += 2) {
      double y = TOP + plotHeight * (1 - tick / 10.0);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" font-family=\"sans-serif\">%.1f</text>%n",
          LEFT, y, LEFT + plotWidth, y, LEFT - 4, y + 3, tick / 10.0));
    }
    for (int epoch = 1; epoch <= epochs; epoch++) {
      if (epochs <= 12 || epoch % Math.max(1, epochs / 10) == 0 || epoch == 1) {
        double x = xOf(epoch, epochs, plotWidth);
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\""
            + " font-family=\"sans-serif\">%d</text>%n", x, HEIGHT - BOTTOM + 14, epoch));
      }
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\""
        + " font-family=\"sans-serif\">epoch</text>%n", LEFT + plotWidth / 2, HEIGHT - 8));
    svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\""
        + " transform=\"rotate(-90 12 %.1f)\" text-anchor=\"middle\">%s</text>%n", TOP + plotHeight / 2,
        TOP + plotHeight / 2, Html.escape(yLabel)));
    int legendRow = 0;
    for (Series s : series) {
      String colour = COLOURS[s.colour() % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < s.values().size(); i++) {
        double value = s.values().get(i);
        double clamped = Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xOf(i + 1, epochs, plotWidth),
            TOP + plotHeight * (1 - clamped)));
      }
      String dash = s.dashed() ? " stroke-dasharray=\"5,3\"" : "";
      svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s"
          + " points=\"%s\"/>%n", colour, dash, points.toString().trim()));
      if (s.values().size() == 1) {
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%s\" r=\"3\" fill=\"%s\"/>%n",
            points.toString().trim().replace(",", "\" cy=\""), colour));
      }
      double legendY = TOP + 10 + 16 * legendRow++;
      double legendX = LEFT + plotWidth + 10;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
          + " stroke-width=\"2\"%s/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\">%s"
          + "</text>%n", legendX, legendY, legendX + 18, legendY, colour, dash, legendX + 22, legendY + 4,
          Html.escape(s.name())));
    }
    return svg.append("</svg>\n").toString();
  }

  private static double xOf(int epoch, int epochs, double plotWidth) {
    return epochs == 1 ? LEFT + plotWidth / 2 : LEFT + plotWidth * (epoch - 1) / (epochs - 1);
  }
}
