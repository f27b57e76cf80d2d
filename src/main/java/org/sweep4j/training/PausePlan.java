package org.sweep4j.training;

import java.util.List;
import org.sweep4j.grid.TrialSpec;

/**
 * Decides, while a run goes on, how far each trial trains before it pauses and which paused trials
 * go on: pruning's rungs, judged as each grid point's seeds reach them. A paused trial is recorded
 * as interrupted with its epochs and checkpoint, and goes on from there in a later leg. The run
 * calls the plan from one thread at a time.
 */
public interface PausePlan {
  /**
   * A stretch of a trial's training.
   *
   * @param from the epochs it has recorded before this leg
   * @param pauseAfter the epoch after which it pauses (0: it trains to its end)
   */
  record Leg(TrialSpec trial, int from, int pauseAfter) {
    public Leg {
      if (pauseAfter != 0 && pauseAfter <= from) {
        throw new IllegalArgumentException(
            trial.id() + ": a leg from epoch " + from + " cannot pause after epoch " + pauseAfter);
      }
    }

    /** The epochs this leg trains at most. */
    public int epochs() {
      return (pauseAfter == 0 ? trial.training().epochs() : pauseAfter) - from;
    }
  }

  /**
   * What to do next: the legs to start, ahead of those waiting, and the trials that stop here
   * (recorded as finished by the plan), whose remaining epochs the run will not train.
   */
  record Next(List<Leg> legs, List<Stopped> stopped) {
    public Next {
      legs = List.copyOf(legs);
      stopped = List.copyOf(stopped);
    }
  }

  /** A trial the plan stopped after {@code epochs} epochs. */
  record Stopped(TrialSpec trial, int epochs) {}

  /** Every trial trains to its end in one leg. */
  PausePlan NONE =
      new PausePlan() {
        @Override
        public Next first(List<TrialSpec> selected) {
          return new Next(selected.stream().map(t -> new Leg(t, 0, 0)).toList(), List.of());
        }

        @Override
        public Next ended(Leg leg, TrialOutcome outcome) {
          return new Next(List.of(), List.of());
        }

        @Override
        public String waiting() {
          return null;
        }
      };

  /** The legs to start with, in order, for the trials the run selected. */
  Next first(List<TrialSpec> selected);

  /**
   * A leg has ended and its trial is recorded, however it went.
   *
   * @param outcome how its trial ended, with every epoch it has, as recorded; null when the leg did
   *     not train here (then, and when it trained no epoch, the record is the one to read)
   */
  Next ended(Leg leg, TrialOutcome outcome);

  /** Once the run has ended, what waits for a later run ({@code --resume}); null when nothing. */
  String waiting();
}
