/**
 * Comparison reports from the result tables: per architecture × activation summaries across seeds and mean
 * learning curves, as Markdown and as a self-contained HTML page with inline SVG plots. Free of Spark and DL4J.
 */
package org.sweep4j.report;
