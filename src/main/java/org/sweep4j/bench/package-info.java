/**
 * {@code sweep4j bench}: training throughput of each architecture single-JVM, through Spark
 * parameter averaging and, when PyTorch is installed, of the same network in PyTorch on the same
 * minibatches and cores, so the ratios (which hold across machines, unlike absolute figures) come
 * from one run.
 */
package org.sweep4j.bench;
