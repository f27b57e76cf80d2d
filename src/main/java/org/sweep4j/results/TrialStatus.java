package org.sweep4j.results;

import org.sweep4j.config.Choices;

/** How a trial ended. */
public enum TrialStatus {
  /** Ran every epoch. */
  FINISHED,
  /** Loss became NaN or infinite; the epochs before it are kept. */
  DIVERGED,
  /** An error stopped it; {@code error} says which. Rerun by {@code --resume}. */
  FAILED,
  /**
   * Ctrl-C or SIGTERM stopped the run while it trained; the epochs it finished are kept, and {@code
   * --resume} runs it again from the start.
   */
  INTERRUPTED;

  public String label() {
    return Choices.nameOf(this);
  }

  public static TrialStatus parse(String text) {
    return Choices.parse(TrialStatus.class, "trial status", text);
  }

  /** Whether {@code --resume} leaves the trial alone (its outcome is settled). */
  public boolean isSettled() {
    return this == FINISHED || this == DIVERGED;
  }
}
