package org.sweep4j.config;

/**
 * The optimizers a job can choose; Keras defaults are applied for every setting the job does not
 * give.
 */
public enum Optimizer {
  ADAM,
  SGD,
  SGD_MOMENTUM,
  RMSPROP;

  public String label() {
    return Choices.nameOf(this);
  }

  public static Optimizer parse(String text) {
    return Choices.parse(Optimizer.class, "optimizer", text);
  }
}
