/**
 * The result tables, {@code trials} and {@code epochs}, as Parquet directories that {@code spark.read.parquet}
 * reads. Each finished trial adds one file to each table, written under a hidden name and then renamed, so
 * a reader never sees half a trial and a killed run never leaves a partial row behind.
 */
package org.sweep4j.results;
