package org.sweep4j.dl4jm2;

import java.util.Collection;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What DL4J's own layer configurations do in {@code instantiate} after constructing their layer:
 * listeners, position, parameter views (initialised by the configuration's initialiser) and
 * configuration. sweep4j's layer configurations construct their own implementations and hand them
 * here.
 */
final class LayerWiring {
  private LayerWiring() {}

  static <T extends Layer> T wire(
      T layer,
      NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners,
      int layerIndex,
      INDArray layerParamsView,
      boolean initializeParams) {
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(layerParamsView);
    layer.setParamTable(
        conf.getLayer().initializer().init(conf, layerParamsView, initializeParams));
    layer.setConf(conf);
    return layer;
  }
}
