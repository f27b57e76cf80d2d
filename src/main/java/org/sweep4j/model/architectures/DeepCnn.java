package org.sweep4j.model.architectures;

import org.sweep4j.model.LayerStack;
import org.sweep4j.model.NetworkArchitecture;

/**
 * The custom-activation experiment's network: two blocks of Conv 3×3 'same' + Conv 3×3 + max-pool 2
 * + dropout 0.25 (32 then 64 filters), flatten, Dense 512, dropout 0.5, Dense 10 softmax (1,250,858
 * parameters).
 */
public final class DeepCnn implements NetworkArchitecture {
  @Override
  public void addLayers(LayerStack stack) {
    stack
        .conv3x3(32, true)
        .conv3x3(32, false)
        .maxPool2()
        .dropout(0.25)
        .conv3x3(64, true)
        .conv3x3(64, false)
        .maxPool2()
        .dropout(0.25)
        .dense(512)
        .dropout(0.5)
        .softmaxOutput(10);
  }
}
