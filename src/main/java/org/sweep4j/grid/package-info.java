/**
 * Expands a job's grid into trials: one {@link org.sweep4j.grid.TrialSpec} per activation ×
 * architecture × seed, each with a deterministic id. Free of Spark and DL4J.
 */
package org.sweep4j.grid;
