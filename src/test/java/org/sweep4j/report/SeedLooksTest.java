package org.sweep4j.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The looks replayed on hand-made seeds: what each look waits for, and corner cases. */
class SeedLooksTest {
  private static final SequentialDesign DESIGN = new SequentialDesign(2, 1, 4, 0.05, 0.01);

  private static SeedLooks.CellSeeds cell(String name, String baseline, Double... finals) {
    return new SeedLooks.CellSeeds(name, baseline, Arrays.asList(finals));
  }

  @Test
  void theFirstLookWaitsForEveryCellAndLaterOnesForTheOpenOnly() {
    SeedLooks.Replay empty =
        SeedLooks.replay(
            DESIGN,
            List.of(
                cell("relu", null, null, null, null, null),
                cell("tanh", "relu", null, null, null, null),
                cell("other", "missing", null, null, null, null)));
    assertEquals(2, empty.pendingLook());
    assertEquals(Set.of("relu", "tanh", "other"), empty.pendingCells());

    // tanh is not decided on two close seeds; "other" has no baseline, so it is never tested.
    SeedLooks.Replay second =
        SeedLooks.replay(
            DESIGN,
            List.of(
                cell("relu", null, 0.70, 0.71, null, null),
                cell("tanh", "relu", 0.69, 0.72, null, null),
                cell("other", "missing", 0.5, 0.6, null, null)));
    assertEquals(3, second.pendingLook());
    assertEquals(Set.of("tanh", "relu"), second.pendingCells());
    assertEquals(SeedLooks.Stop.BASELINE, second.cells().get(2).stop());
    assertEquals(2, second.cells().get(2).seeds());
    assertEquals(SeedLooks.Stop.OPEN, second.cells().get(1).stop());
  }

  /** Diverged seeds (NaN) leave too few values to test: the cell goes on, and ends undecided. */
  @Test
  void aCellWithTooFewFiniteSeedsIsUndecidedNotAnError() {
    SeedLooks.Replay replay =
        SeedLooks.replay(
            DESIGN,
            List.of(
                cell("relu", null, 0.70, 0.71, 0.70, 0.72),
                cell("selu", "relu", Double.NaN, Double.NaN, Double.NaN, 0.6)));
    assertEquals(0, replay.pendingLook());
    SeedLooks.CellOutcome selu = replay.cells().get(1);
    assertEquals(SeedLooks.Stop.UNDECIDED_AT_MAX, selu.stop());
    assertEquals(4, selu.seeds());
    assertNull(selu.welch());
  }
}
