/**
 * Workarounds for DL4J / ND4J 1.0.0-M2, fenced off in one package: the code that breaks first on an
 * upgrade, and the first to delete once an upgrade makes it unnecessary. Each entry says what it
 * works around and how to tell that a newer DL4J no longer needs it.
 *
 * <ul>
 *   <li>{@link org.sweep4j.dl4jm2.ChannelsLastConvLayer} with {@link
 *       org.sweep4j.dl4jm2.ChannelsLastConvolution}, {@link org.sweep4j.dl4jm2.ConvPrimitives} and
 *       {@link org.sweep4j.dl4jm2.OneDnn}: DL4J's convolution on channels-last (NHWC) maps computed
 *       by oneDNN primitives called directly. M2's own oneDNN helper cannot even be found (it looks
 *       the native environment up under a class name ND4J M2 moved), and reached through libnd4j it
 *       converts every tensor to and from oneDNN's blocked layout on every call; on NHWC maps it
 *       returns garbage first-layer gradients. Unneeded when a stock {@code ConvolutionLayer} on
 *       NHWC trains within a few percent of this one in {@code sweep4j bench} and passes {@code
 *       ChannelsLastConvolutionTest} against the reference path.
 *   <li>{@link org.sweep4j.dl4jm2.NchwToNhwcPreProcessor}: hands the data set's NCHW images to the
 *       channels-last network; goes with the layer above.
 *   <li>{@link org.sweep4j.dl4jm2.MaxPool2x2Layer} ({@link org.sweep4j.dl4jm2.MaxPool2x2InJava},
 *       {@link org.sweep4j.dl4jm2.MaxPool2x2Kernel}): Keras's {@code MaxPooling2D(2)} as Java
 *       loops, since M2's pooling (oneDNN's plain-NCHW kernel) took longer than both convolutions
 *       of the small CNN. Unneeded when DL4J's {@code SubsamplingLayer} is as fast in the bench;
 *       {@code MaxPool2x2LayerTest} compares the two.
 *   <li>{@link org.sweep4j.dl4jm2.PReLUSlopeLayer} ({@link org.sweep4j.dl4jm2.PReLUWithArrayOps}):
 *       DL4J's PReLU with plain ND4J array ops, since M2's native {@code prelu_bp} rejects inputs
 *       longer than 64 times the slope array (a minibatch of more than 64 on a dense layer) and its
 *       native {@code prelu} is two orders of magnitude slower than a ReLU. Unneeded when {@code
 *       PReLUSlopeLayerTest}'s large-batch case passes with DL4J's {@code PReLULayer}.
 *   <li>{@link org.sweep4j.dl4jm2.ReluActivation}: ReLU's backward pass as ND4J's step op times the
 *       gradient, since M2's {@code relu_bp} calls a {@code std::function} per element (the small
 *       CNN trains ~10% faster). Unneeded when {@code Activation.RELU} is as fast in the bench.
 *   <li>{@link org.sweep4j.dl4jm2.OneDnnActivation}, {@link org.sweep4j.dl4jm2.OneDnnEltwise},
 *       {@link org.sweep4j.dl4jm2.SoftplusLinearOnOneDnn}, {@link
 *       org.sweep4j.dl4jm2.ZeroFitLinearOnOneDnn}, {@link org.sweep4j.dl4jm2.PReLUOnOneDnn} ({@link
 *       org.sweep4j.dl4jm2.ElementwisePrimitive}, {@link org.sweep4j.dl4jm2.FastElementwise}):
 *       activations as oneDNN elementwise kernels, one vectorised pass each way, since M2 computes
 *       them as one native call per operation of the closed form, each allocating its result (SELU,
 *       GELU, Mish and softplus_linear trained at 0.57–0.68× ReLU's images/s). ReLU, Leaky ReLU,
 *       ELU, SELU, sigmoid and tanh wrap DL4J's function, which stays the path for double precision
 *       and views. Unneeded when {@code bench --activation all} shows M2's functions within a few
 *       percent of these; {@code FastElementwiseTest} compares the two paths.
 *   <li>{@link org.sweep4j.dl4jm2.NativeBackend}: picks ND4J's oneDNN build on CPUs with AVX2,
 *       since M2's platform artifact loads the generic build. Unneeded when ND4J chooses by itself.
 *   <li>{@link org.sweep4j.dl4jm2.NativeThreads}: sizes ND4J's OpenMP and OpenBLAS pools per Spark
 *       task, since M2 gives every task all cores (and its initialisation left the OpenMP team at 4
 *       threads on 2 cores), and OpenBLAS's idle workers spin beside oneDNN's team. Unneeded when
 *       trials side by side in one JVM keep the cores busy without it ({@code bench --modes
 *       trials}).
 *   <li>{@link org.sweep4j.dl4jm2.LayerWiring}: DL4J's layer-instantiation boilerplate the custom
 *       layer configurations share.
 * </ul>
 *
 * <p>Also M2-specific, elsewhere because it is data, not code: {@code training.AveragingRounds}
 * replays M2's parameter-averaging order so one-worker trials train what DL4J would.
 */
package org.sweep4j.dl4jm2;
