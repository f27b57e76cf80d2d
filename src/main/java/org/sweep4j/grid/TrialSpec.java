package org.sweep4j.grid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.sweep4j.config.ActivationSpec;
import org.sweep4j.config.Architecture;
import org.sweep4j.config.Augmentation;
import org.sweep4j.config.DatasetSpec;
import org.sweep4j.config.DistributionSpec;
import org.sweep4j.config.TrainingSpec;

/**
 * One training run: everything that decides its result. Its {@link #id()} is a hash of exactly
 * that, so the same configuration always has the same id, in any sweep and on any machine.
 */
public record TrialSpec(
    String sweep,
    ActivationSpec activation,
    Architecture architecture,
    long seed,
    DatasetSpec dataset,
    TrainingSpec training,
    DistributionSpec distribution,
    Augmentation augmentation) {

  private static final int HASH_HEX_CHARS = 10;

  /** A trial without augmentation (tests and the bench; the grid gives every part). */
  public TrialSpec(
      String sweep,
      ActivationSpec activation,
      Architecture architecture,
      long seed,
      DatasetSpec dataset,
      TrainingSpec training,
      DistributionSpec distribution) {
    this(sweep, activation, architecture, seed, dataset, training, distribution, Augmentation.NONE);
  }

  public TrialSpec {
    if (sweep == null
        || activation == null
        || architecture == null
        || dataset == null
        || training == null
        || distribution == null
        || augmentation == null) {
      throw new IllegalArgumentException("every part of a trial spec is required");
    }
    if (seed < 0) {
      throw new IllegalArgumentException("seed must be >= 0, found " + seed);
    }
  }

  /**
   * The configuration that determines the trial's outcome, in a fixed textual form (the sweep name
   * is not part of it).
   */
  public String canonical() {
    return "v1|"
        + architecture.label()
        + "|"
        + activation.canonical()
        + "|seed="
        + seed
        + "|"
        + dataset.canonical()
        + "|"
        + training.canonical()
        + "|"
        + distribution.canonical()
        // Absent when off, so trials without augmentation keep the ids they had before it existed.
        + (augmentation == Augmentation.NONE ? "" : "|aug=" + augmentation.label());
  }

  /**
   * {@code small_cnn-relu-s1-3fa2b9c1d0}: readable prefix, then the first 40 bits of the SHA-256 of
   * {@link #canonical()}, which tells apart trials that differ only in parameters or settings.
   */
  public String id() {
    String augmented = augmentation == Augmentation.NONE ? "" : "-" + augmentation.label();
    return architecture.label()
        + "-"
        + activation.name().label()
        + augmented
        + "-s"
        + seed
        + "-"
        + hash(canonical());
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Images one trial trains on in total: epochs × training images. */
  public long trainingImages() {
    return (long) training.epochs() * dataset.trainSize();
  }
}
