package org.sweep4j.config;

/**
 * How weights start: Keras's names. {@code glorot_uniform} is Keras's default (and sweep4j's);
 * {@code he_normal} suits ReLU-like units; {@code lecun_normal} is what SELU's self-normalisation
 * assumes.
 */
public enum WeightInit {
  GLOROT_UNIFORM,
  HE_NORMAL,
  LECUN_NORMAL;

  public String label() {
    return Choices.nameOf(this);
  }

  public static WeightInit parse(String text) {
    return Choices.parse(WeightInit.class, "weight initialisation", text);
  }
}
