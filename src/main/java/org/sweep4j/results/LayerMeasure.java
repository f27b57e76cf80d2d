package org.sweep4j.results;

import org.sweep4j.config.Choices;

/**
 * What a {@code layer_stats} row measures on the probe batch after an epoch.
 *
 * <ul>
 *   <li>{@code activation_mean}, {@code activation_sd}: of a hidden layer's outputs over batch,
 *       units and positions. Self-normalising activations (SELU) keep them near 0 and 1 layer after
 *       layer.
 *   <li>{@code dead_fraction}: the share of the layer's units (channels of a convolution, neurons
 *       of a dense layer) whose output is never positive on any probe image: dying ReLUs.
 *   <li>{@code gradient_l2}: L2 norm of the loss gradient with respect to the layer's parameters
 *       (weights and biases together), dropout off: vanishing gradients show as norms falling
 *       towards the input.
 * </ul>
 */
public enum LayerMeasure {
  ACTIVATION_MEAN,
  ACTIVATION_SD,
  DEAD_FRACTION,
  GRADIENT_L2;

  public String label() {
    return Choices.nameOf(this);
  }

  public static LayerMeasure parse(String text) {
    return Choices.parse(LayerMeasure.class, "layer measure", text);
  }
}
