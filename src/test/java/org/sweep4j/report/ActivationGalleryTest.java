package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweep4j.results.TrialRowBuilder;

/** The gallery without DL4J: which activations it draws, in which order, with which notes. */
class ActivationGalleryTest {
  @Test
  void oneCurvePerActivationInLabelOrderWithThePReluSlopeItChose() {
    List<Double> slopes = new ArrayList<>();
    List<ActivationCurve> curves =
        ActivationGallery.of(
            List.of(
                TrialRowBuilder.trial("a").activation("selu").build(),
                TrialRowBuilder.trial("b").activation("prelu").build(),
                TrialRowBuilder.trial("c").activation("selu").seed(2).build()),
            (activation, x, slope) -> {
              slopes.add(slope);
              return new double[][] {x.clone(), new double[x.length]};
            });
    assertEquals(
        List.of("prelu", "selu"), curves.stream().map(ActivationCurve::activation).toList());
    assertEquals(
        List.of(0.25, 0.25), slopes, "PReLU drawn with the slope the note names, others ignore it");
    assertEquals("learned slope; 0.25 shown", curves.get(0).note());
    assertNull(curves.get(1).note());
    assertEquals(161, curves.get(1).x().length);
    assertEquals(-4.0, curves.get(1).x()[0]);
    assertEquals(4.0, curves.get(1).x()[160]);
  }
}
