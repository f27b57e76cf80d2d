package org.sweep4j.training;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.sweep4j.results.LayerMeasure;
import org.sweep4j.results.LayerStatRow;

/**
 * What one epoch task sends back to the driver: metrics only (the parameters stay in the state
 * file). Plain fields and arrays, because Spark's Kryo 4 cannot serialise records.
 */
final class EpochTaskResult implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The training loss DL4J reported for the last minibatch (NaN or infinite when training
   * diverged).
   */
  double score;

  double trainSeconds;
  long validationExamples;
  long validationCorrect;
  double validationLossSum;
  long trainEvalExamples;
  long trainEvalCorrect;
  double trainEvalLossSum;
  String[] statLayers = new String[0];
  String[] statMeasures = new String[0];
  double[] statValues = new double[0];

  /**
   * The executor's native backend and threads, e.g. "CpuBackend linux-amd64-onednn-avx2 (OPENBLAS,
   * 1 threads per task)".
   */
  String backend;

  String executor;

  EvalCounts validation() {
    return new EvalCounts(validationExamples, validationCorrect, validationLossSum);
  }

  EvalCounts trainEval() {
    return new EvalCounts(trainEvalExamples, trainEvalCorrect, trainEvalLossSum);
  }

  void setValidation(EvalCounts counts) {
    validationExamples = counts.examples();
    validationCorrect = counts.correct();
    validationLossSum = counts.lossSum();
  }

  void setTrainEval(EvalCounts counts) {
    trainEvalExamples = counts.examples();
    trainEvalCorrect = counts.correct();
    trainEvalLossSum = counts.lossSum();
  }

  void setLayerStats(List<LayerStatRow> rows) {
    statLayers = rows.stream().map(LayerStatRow::layer).toArray(String[]::new);
    statMeasures = rows.stream().map(r -> r.measure().label()).toArray(String[]::new);
    statValues = rows.stream().mapToDouble(LayerStatRow::value).toArray();
  }

  List<LayerStatRow> layerStats(String trialId, int epoch) {
    List<LayerStatRow> rows = new ArrayList<>(statValues.length);
    for (int i = 0; i < statValues.length; i++) {
      rows.add(
          new LayerStatRow(
              trialId, epoch, statLayers[i], LayerMeasure.parse(statMeasures[i]), statValues[i]));
    }
    return rows;
  }
}
