/**
 * DL4J layers sweep4j supplies itself because the stock ones fail at real batch sizes: {@link
 * org.sweep4j.model.layers.PReLUSlopeLayer} is DL4J's PReLU computed with plain ND4J array ops, since
 * M2's native {@code prelu_bp} rejects inputs longer than 64 times the slope array (any minibatch of more
 * than 64 examples on a dense layer; a few images on a conv layer with per-channel slopes) and its native
 * {@code prelu} is two orders of magnitude slower than a ReLU.
 */
package org.sweep4j.model.layers;
