/**
 * The {@code sweep4j} command line: run, plan, sql and report. Commands parse options and wire the
 * stages; nothing more.
 */
package org.sweep4j.cli;
