package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The analysis of variance against published and independently computed numbers: Montgomery's
 * battery-life experiment (Design and Analysis of Experiments, example 5.1: material type ×
 * temperature, 4 replicates), whose F values the book gives as 7.91, 28.97 and 3.56, and the same
 * data made unbalanced, against type II sums of squares and noncentral-F intervals computed with
 * NumPy's lstsq and SciPy's ncf.
 */
class FactorialAnovaTest {
  private static final int[][][] LIFE = {
    {{130, 155, 74, 180}, {34, 40, 80, 75}, {20, 70, 82, 58}},
    {{150, 188, 159, 126}, {136, 122, 106, 115}, {25, 70, 58, 45}},
    {{138, 110, 168, 160}, {174, 120, 150, 139}, {96, 104, 82, 60}}
  };
  private static final int[] TEMPERATURES = {15, 70, 125};

  private static List<FactorialAnova.Observation> battery(Set<String> dropped) {
    List<FactorialAnova.Observation> observations = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      for (int t = 0; t < 3; t++) {
        for (int life : LIFE[m][t]) {
          String material = "material " + (m + 1);
          String temperature = TEMPERATURES[t] + "F";
          if (!dropped.contains(material + "/" + temperature + "/" + life)) {
            observations.add(
                new FactorialAnova.Observation(
                    Map.of("material", material, "temperature", temperature), life));
          }
        }
      }
    }
    return observations;
  }

  private static void assertRow(AnovaTerm row, String term, int df, double... expected) {
    assertEquals(term, row.term());
    assertEquals(df, row.df(), term);
    double[] got = {
      row.sumOfSquares(), row.f(), row.p(), row.partialEtaSquared(), row.etaLow(), row.etaHigh()
    };
    for (int i = 0; i < got.length; i++) {
      assertEquals(expected[i], got[i], 1e-6 * Math.max(1, Math.abs(expected[i])), term + " #" + i);
    }
  }

  @Test
  void reproducesMontgomerysBatteryLifeAnova() {
    AnovaTable table =
        FactorialAnova.of("life", List.of("material", "temperature"), battery(Set.of()));
    assertEquals(27, table.residualDf());
    assertEquals(18230.75, table.residualSumOfSquares(), 1e-6);
    List<AnovaTerm> rows = table.terms();
    assertEquals(3, rows.size());
    assertRow(
        rows.get(0),
        "material",
        2,
        10683.722222,
        7.911372270,
        0.001976082591,
        0.3694939385,
        0.0698425769,
        0.5519164765);
    assertRow(
        rows.get(1),
        "temperature",
        2,
        39118.722222,
        28.96769195,
        1.908595897e-07,
        0.6821112855,
        0.4207597295,
        0.7808570138);
    assertRow(
        rows.get(2),
        "material × temperature",
        4,
        9613.777778,
        3.559535400,
        0.01861116819,
        0.3452663250,
        0.009712814517,
        0.4981925271);
  }

  /** Five runs lost: type II sums of squares no longer add up, and each term is adjusted. */
  @Test
  void unbalancedCellsGiveTypeTwoSumsOfSquares() {
    AnovaTable table =
        FactorialAnova.of(
            "life",
            List.of("material", "temperature"),
            battery(
                Set.of(
                    "material 1/15F/180",
                    "material 2/70F/115",
                    "material 2/70F/106",
                    "material 3/125F/60",
                    "material 3/15F/110")));
    assertEquals(31, table.observations());
    assertEquals(22, table.residualDf());
    assertEquals(12709.583333, table.residualSumOfSquares(), 1e-5);
    List<AnovaTerm> rows = table.terms();
    assertRow(
        rows.get(0),
        "material",
        2,
        16000.039773,
        13.84785267,
        0.0001279799806,
        0.5573058104,
        0.2099359061,
        0.7006021962);
    assertRow(
        rows.get(1),
        "temperature",
        2,
        31578.057955,
        27.33045045,
        1.087267444e-06,
        0.7130218959,
        0.4284901550,
        0.8070889922);
    assertRow(
        rows.get(2),
        "material × temperature",
        4,
        7288.704167,
        3.154145330,
        0.03422046544,
        0.3644664158,
        0.0,
        0.5207784333);
  }

  @Test
  void aFactorWithOneLevelIsLeftOutAndNoReplicatesMeansNoTest() {
    List<FactorialAnova.Observation> one = new ArrayList<>();
    for (FactorialAnova.Observation o : battery(Set.of())) {
      one.add(
          new FactorialAnova.Observation(
              Map.of(
                  "material",
                  o.levels().get("material"),
                  "temperature",
                  o.levels().get("temperature"),
                  "optimizer",
                  "adam"),
              o.response()));
    }
    AnovaTable table =
        FactorialAnova.of("life", List.of("material", "temperature", "optimizer"), one);
    assertEquals(3, table.terms().size(), "optimizer never varies");
    assertTrue(table.testable());

    List<FactorialAnova.Observation> single = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      for (int t = 0; t < 3; t++) {
        single.add(
            new FactorialAnova.Observation(
                Map.of("material", "m" + m, "temperature", "t" + t), LIFE[m][t][0]));
      }
    }
    AnovaTable saturated = FactorialAnova.of("life", List.of("material", "temperature"), single);
    assertEquals(0, saturated.residualDf());
    assertFalse(saturated.testable());
    assertTrue(Double.isNaN(saturated.terms().get(0).f()));
  }

  /**
   * A factor that follows from another (as batch_size_per_worker from batch_size and workers) is
   * left out and named; kept in, type II would leave neither of the two any degree of freedom.
   */
  @Test
  void aFactorThatFollowsFromAnotherIsLeftOut() {
    List<FactorialAnova.Observation> observations = new ArrayList<>();
    for (FactorialAnova.Observation o : battery(Set.of())) {
      String material = o.levels().get("material");
      observations.add(
          new FactorialAnova.Observation(
              Map.of(
                  "material",
                  material,
                  "temperature",
                  o.levels().get("temperature"),
                  "supplier",
                  "supplier of " + material),
              o.response()));
    }
    AnovaTable table =
        FactorialAnova.of("life", List.of("material", "temperature", "supplier"), observations);
    assertEquals(
        List.of("material", "temperature", "material × temperature"),
        table.terms().stream().map(AnovaTerm::term).toList());
    assertEquals(7.911372270, table.terms().get(0).f(), 1e-6, "the same analysis as without it");
    assertEquals(List.of("supplier"), table.leftOut());
  }
}
