/**
 * DL4J layers sweep4j supplies itself because the stock ones fail at real batch sizes: {@link
 * org.sweep4j.model.layers.PReLUSlopeLayer} is DL4J's PReLU with a backward pass written in ND4J array ops,
 * since M2's native {@code prelu_bp} rejects inputs longer than 64 times the slope array (any minibatch of
 * more than 64 examples on a dense layer; a few images on a conv layer with per-channel slopes).
 */
package org.sweep4j.model.layers;
