/**
 * {@code sweep4j bench}: training throughput of each architecture single-JVM, through Spark
 * parameter averaging and, against PyTorch anchors (2.7.1 through DJL, a Python's PyTorch) that
 * train the same network on the same minibatches and cores in processes of their own, so the ratios
 * (which hold across machines, unlike absolute figures) come from one run.
 */
package org.sweep4j.bench;
