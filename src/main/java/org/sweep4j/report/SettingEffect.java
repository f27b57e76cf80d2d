package org.sweep4j.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialRow;

/**
 * Final val accuracy against a numeric setting that takes many values (a searched learning rate,
 * say), a point per finished trial, on one architecture: for the report's scatter, on a log axis
 * when the values span a factor of ten or more.
 */
record SettingEffect(String architecture, Setting setting, List<Point> points, boolean logScale) {
  /** Settings with fewer distinct values are better read from the tables. */
  static final int MIN_VALUES = 4;

  /** One trial: its activation, its value of the setting, its final val accuracy. */
  record Point(String activation, double value, double accuracy) {}

  SettingEffect {
    points = List.copyOf(points);
  }

  static List<SettingEffect> of(
      List<TrialRow> finished, Map<String, List<EpochRow>> epochsByTrial, List<Setting> varying) {
    List<SettingEffect> effects = new ArrayList<>();
    List<String> architectures =
        finished.stream().map(t -> t.settings().architecture()).distinct().sorted().toList();
    for (String architecture : architectures) {
      List<TrialRow> trials =
          finished.stream().filter(t -> t.settings().architecture().equals(architecture)).toList();
      for (Setting setting : varying) {
        if (!setting.isNumeric()
            || trials.stream().map(setting::value).distinct().count() < MIN_VALUES) {
          continue;
        }
        List<Point> points = new ArrayList<>();
        for (TrialRow trial : trials) {
          double accuracy = FinalEpoch.of(trial, epochsByTrial.get(trial.trialId())).valAccuracy();
          points.add(new Point(trial.settings().activation(), setting.value(trial), accuracy));
        }
        double low = points.stream().mapToDouble(Point::value).min().orElseThrow();
        double high = points.stream().mapToDouble(Point::value).max().orElseThrow();
        effects.add(new SettingEffect(architecture, setting, points, low > 0 && high >= 10 * low));
      }
    }
    return effects;
  }
}
