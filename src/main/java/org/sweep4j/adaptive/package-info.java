/**
 * Sweeps run in stages that decide as they go: seeds added only where a comparison is still
 * undecided ({@link org.sweep4j.adaptive.AdaptiveSweep}) and grid points pruned at rung epochs
 * ({@link org.sweep4j.adaptive.PrunedSweep}). Each stage is a run of the training stage; between
 * stages the decisions are replayed from the results with the report stage's statistics, so a
 * stopped sweep resumes where it was.
 */
package org.sweep4j.adaptive;
