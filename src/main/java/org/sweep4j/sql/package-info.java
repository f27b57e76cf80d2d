/**
 * Spark SQL over a results directory: the {@code trials}, {@code epochs} and {@code layer_stats}
 * tables registered by name, statements split from SQL files, results printed as a table, CSV or
 * JSON.
 */
package org.sweep4j.sql;
