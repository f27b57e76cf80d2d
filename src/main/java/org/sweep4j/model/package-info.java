/**
 * The networks under test: each architecture is one class that lays out its layers on a {@link
 * org.sweep4j.model.LayerStack}; {@link org.sweep4j.model.ModelFactory} puts the trial's activation
 * in every hidden layer and applies Keras's defaults (Glorot-uniform weights, zero biases, Adam
 * with ε = 1e-7).
 */
package org.sweep4j.model;
