/**
 * The architectures a grid can name: every top-level class here implements {@link
 * org.sweep4j.model.NetworkArchitecture} and is found by its file name, {@code SmallCnn} becoming
 * {@code small_cnn}. Adding an architecture means adding one class here, nothing else.
 */
package org.sweep4j.model.architectures;
