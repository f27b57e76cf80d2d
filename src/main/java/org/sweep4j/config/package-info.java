/**
 * Job files: the typed, validated description of a sweep (data, grid, training, distribution,
 * output), read from YAML. Free of Spark and DL4J so that a bad job file fails in milliseconds,
 * before a cluster is touched.
 */
package org.sweep4j.config;
