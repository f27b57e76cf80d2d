package org.sweep4j.results;

/**
 * What produced a result: software versions, the native ND4J backend and the Spark master, and what
 * Spark recovered from meanwhile.
 *
 * @param taskFailures failed task attempts while the trial ran (Spark retried them, or the trial
 *     failed); null in results written before it was recorded, or before the trial ran
 * @param executorsLost executors removed while the trial ran; null likewise
 */
public record Provenance(
    String sweep4jVersion,
    String dl4jVersion,
    String sparkVersion,
    String nativeBackend,
    String sparkMaster,
    Integer taskFailures,
    Integer executorsLost) {

  /** Before a trial ran: nothing recovered from yet. */
  public Provenance(
      String sweep4jVersion,
      String dl4jVersion,
      String sparkVersion,
      String nativeBackend,
      String sparkMaster) {
    this(sweep4jVersion, dl4jVersion, sparkVersion, nativeBackend, sparkMaster, null, null);
  }

  /** The same provenance with the native backend that trained a trial. */
  public Provenance withBackend(String backend) {
    return new Provenance(
        sweep4jVersion,
        dl4jVersion,
        sparkVersion,
        backend,
        sparkMaster,
        taskFailures,
        executorsLost);
  }

  /** The same provenance with what Spark recovered from while the trial ran. */
  public Provenance withRecoveries(int failures, int lost) {
    return new Provenance(
        sweep4jVersion, dl4jVersion, sparkVersion, nativeBackend, sparkMaster, failures, lost);
  }
}
