package org.sweep4j.model.architectures;

import org.sweep4j.model.LayerStack;
import org.sweep4j.model.NetworkArchitecture;

/**
 * A test-only architecture: its existence as one class in this package, with no registration
 * anywhere, is what makes {@code tiny_cnn} a valid name in job files ({@code
 * ArchitectureCatalogTest}).
 */
public final class TinyCnn implements NetworkArchitecture {
  @Override
  public void addLayers(LayerStack stack) {
    stack.conv3x3(4, false).maxPool2().softmaxOutput(10);
  }
}
