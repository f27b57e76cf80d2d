/**
 * Runs sweeps: one Spark context per run, each trial trained by DL4J's {@code SparkDl4jMultiLayer}
 * with {@code ParameterAveragingTrainingMaster} on shard files of CIFAR-10 records, evaluated by a
 * Spark job after every epoch, and recorded in the results tables as it ends.
 */
package org.sweep4j.training;
