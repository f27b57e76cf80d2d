/**
 * DL4J layers sweep4j supplies itself because the stock ones fail at real batch sizes or are slow:
 * {@link org.sweep4j.model.layers.PReLUSlopeLayer} is DL4J's PReLU computed with plain ND4J array
 * ops, since M2's native {@code prelu_bp} rejects inputs longer than 64 times the slope array (any
 * minibatch of more than 64 examples on a dense layer; a few images on a conv layer with
 * per-channel slopes) and its native {@code prelu} is two orders of magnitude slower than a ReLU.
 * {@link org.sweep4j.model.layers.MaxPool2x2Layer} is Keras's {@code MaxPooling2D(2)} as Java loops
 * ({@link org.sweep4j.model.layers.MaxPool2x2InJava}), since M2's oneDNN pooling on NCHW maps took
 * longer than both convolutions of the small CNN. {@link
 * org.sweep4j.model.layers.ChannelsLastConvLayer} is DL4J's convolution on channels-last maps
 * computed by oneDNN primitives sweep4j calls itself ({@link
 * org.sweep4j.model.layers.ConvPrimitives}), since libnd4j's oneDNN ops convert every tensor to and
 * from oneDNN's blocked layout on every call; {@link
 * org.sweep4j.model.layers.NchwToNhwcPreProcessor} hands it the data set's NCHW images as NHWC
 * maps.
 */
package org.sweep4j.model.layers;
