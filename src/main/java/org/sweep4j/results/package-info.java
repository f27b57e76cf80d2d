/**
 * The result tables, {@code trials}, {@code epochs} and {@code layer_stats}, as Parquet directories
 * that {@code spark.read.parquet} reads. Each recorded trial adds one file to each table, written
 * under a hidden name and then renamed (diagnostics, then epochs, then the trial row), so a reader
 * never sees half a trial and a killed run never leaves a partial row behind.
 */
package org.sweep4j.results;
