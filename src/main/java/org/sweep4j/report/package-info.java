/**
 * Comparison reports from the result tables: per architecture × activation summaries across seeds
 * with Student-t intervals, each activation tested against a baseline (Welch's t-test, Holm's
 * correction), learning curves with seed bands, layer diagnostics and an activation gallery drawn
 * with JFreeChart as SVG; written as a self-contained HTML page, Markdown and CSV. Free of Spark
 * and DL4J: activation curves arrive as numbers.
 */
package org.sweep4j.report;
