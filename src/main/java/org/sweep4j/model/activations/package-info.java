/**
 * Activations DL4J does not ship (or ships only approximately): exact-erf GELU, the Heaviside step,
 * the three home-made activations of the deeper-CNN experiment, and Swish and Mish with derivatives
 * that stay finite in float (DL4J's turn NaN for large inputs). They follow DL4J's in-place
 * contract (write the result into the input array) and serialise to JSON by class name, so they
 * travel to Spark executors. Each is written once in ND4J operations (the reference, which gradient
 * checks use in double precision) and, where oneDNN has the function, also as fused float kernels
 * training runs ({@code org.sweep4j.dl4jm2.OneDnnEltwise}, {@code SoftplusLinearOnOneDnn}, and
 * {@code ZeroFitLinearOnOneDnn} for zero_fit_linear's per-group shift). (The oneDNN wrapper of
 * DL4J's own activations is an M2 workaround: {@code org.sweep4j.dl4jm2}.)
 */
package org.sweep4j.model.activations;
