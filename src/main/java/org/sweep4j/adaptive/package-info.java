/**
 * Seeds added as they are needed: runs an adaptive-seeds sweep in stages through the training
 * stage, and between stages decides, with the report stage's sequential statistics, which cells
 * still need seeds.
 */
package org.sweep4j.adaptive;
