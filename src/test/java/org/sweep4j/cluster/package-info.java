/**
 * Tests against a real Spark standalone cluster on this machine, started and stopped by the scripts
 * in {@code jobs/cluster}; run by {@code mvn verify -Pcluster} after the jar is packaged.
 */
package org.sweep4j.cluster;
