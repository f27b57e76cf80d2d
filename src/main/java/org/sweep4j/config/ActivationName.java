package org.sweep4j.config;

import java.util.List;

/**
 * Every activation a job file can name, with the parameters each accepts. The functions themselves
 * are built in {@code org.sweep4j.model}; this enum only knows names, so job files are validated
 * without DL4J.
 */
public enum ActivationName {
  RELU,
  LEAKY_RELU(ParamDef.number("alpha", 0.01, 0.0, 1.0)),
  PRELU,
  ELU(ParamDef.number("alpha", 1.0, 0.0, 100.0)),
  SELU,
  GELU(ParamDef.choice("approximation", "erf", "erf", "tanh")),
  SIGMOID,
  TANH,
  SWISH,
  MISH,
  STEP,
  SOFTPLUS_LINEAR,
  REFLECTION_LINEAR,
  ZERO_FIT_LINEAR;

  private final List<ParamDef> params;

  ActivationName(ParamDef... params) {
    this.params = List.of(params);
  }

  /** The name used in job files and tables, e.g. {@code leaky_relu}. */
  public String label() {
    return Choices.nameOf(this);
  }

  /** The parameters this activation accepts, with their defaults. */
  public List<ParamDef> params() {
    return params;
  }

  public static ActivationName parse(String text) {
    return Choices.parse(ActivationName.class, "activation", text);
  }
}
