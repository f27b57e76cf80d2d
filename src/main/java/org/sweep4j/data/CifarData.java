package org.sweep4j.data;

/**
 * A training and a test set, and a sentence saying where they came from (printed by every run and stored
 * with every trial).
 */
public record CifarData(ImageSet train, ImageSet test, String description) {}
