/**
 * Sweeps that decide as they go: seeds added in stages only where a comparison is still undecided
 * ({@link org.sweep4j.adaptive.AdaptiveSweep}), and grid points pruned as their seeds reach rung
 * epochs, within one run whose trials pause and go on ({@link org.sweep4j.adaptive.PrunedSweep}).
 * The decisions use the report stage's statistics and are replayed from the results, so a stopped
 * sweep resumes where it was.
 */
package org.sweep4j.adaptive;
