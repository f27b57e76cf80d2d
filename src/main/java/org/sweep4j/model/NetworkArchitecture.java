package org.sweep4j.model;

/**
 * One network layout. Implementations only lay out layers; {@link ModelFactory} applies everything
 * else.
 */
public interface NetworkArchitecture {
  /** Adds the layers, input to softmax output, for CIFAR-10's 32×32×3 images and 10 classes. */
  void addLayers(LayerStack stack);
}
