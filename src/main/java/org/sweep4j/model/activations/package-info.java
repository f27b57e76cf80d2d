/**
 * Activations DL4J does not ship (or ships only approximately): exact-erf GELU, the Heaviside step,
 * and the three home-made activations of the deeper-CNN experiment; plus ReLU, whose DL4J backward
 * pass is slow. They follow DL4J's in-place contract (write the result into the input array) and
 * serialise to JSON by class name, so they travel to Spark executors.
 */
package org.sweep4j.model.activations;
