package org.sweep4j.training;

import org.sweep4j.grid.TrialSpec;
import org.sweep4j.results.EpochRow;

/** Told about every finished epoch (progress display). */
@FunctionalInterface
public interface EpochListener {
  void onEpoch(TrialSpec trial, EpochRow epoch);
}
