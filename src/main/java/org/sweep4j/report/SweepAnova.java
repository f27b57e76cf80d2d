package org.sweep4j.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.TrialRow;

/**
 * The analysis of variance of a sweep's final val accuracy ({@link FactorialAnova}): the factors
 * are the architecture, the activation and every other setting the finished trials vary; the seeds
 * are the replicates.
 */
final class SweepAnova {
  static final String ARCHITECTURE = "architecture";
  static final String ACTIVATION = "activation";

  private SweepAnova() {}

  static AnovaTable of(
      List<TrialRow> finished, Map<String, List<EpochRow>> epochsByTrial, List<Setting> varying) {
    List<String> factors = new ArrayList<>(List.of(ARCHITECTURE, ACTIVATION));
    varying.forEach(setting -> factors.add(setting.factor()));
    List<FactorialAnova.Observation> observations = new ArrayList<>();
    for (TrialRow trial : finished) {
      Map<String, String> levels = new LinkedHashMap<>();
      levels.put(ARCHITECTURE, trial.settings().architecture());
      levels.put(ACTIVATION, trial.settings().activation());
      varying.forEach(setting -> levels.put(setting.factor(), setting.level(trial)));
      double accuracy = FinalEpoch.of(trial, epochsByTrial.get(trial.trialId())).valAccuracy();
      observations.add(new FactorialAnova.Observation(levels, accuracy));
    }
    return FactorialAnova.of("final val accuracy", factors, observations);
  }
}
