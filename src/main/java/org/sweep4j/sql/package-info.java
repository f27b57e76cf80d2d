/** Spark SQL over a results directory: the {@code trials} and {@code epochs} tables registered by name. */
package org.sweep4j.sql;
