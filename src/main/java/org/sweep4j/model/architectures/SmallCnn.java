package org.sweep4j.model.architectures;

import org.sweep4j.model.LayerStack;
import org.sweep4j.model.NetworkArchitecture;

/**
 * The SELU-vs-ReLU experiment's network: Conv 32 3×3 → max-pool 2 → Conv 64 3×3 → max-pool 2 →
 * flatten → Dense 10 softmax (42,442 parameters).
 */
public final class SmallCnn implements NetworkArchitecture {
  @Override
  public void addLayers(LayerStack stack) {
    stack.conv3x3(32, false).maxPool2().conv3x3(64, false).maxPool2().softmaxOutput(10);
  }
}
