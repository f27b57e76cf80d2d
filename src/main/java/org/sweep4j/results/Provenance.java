package org.sweep4j.results;

/** What produced a result: software versions, the native ND4J backend and the Spark master. */
public record Provenance(
    String sweep4jVersion,
    String dl4jVersion,
    String sparkVersion,
    String nativeBackend,
    String sparkMaster) {

  /** The same provenance with the native backend that trained a trial. */
  public Provenance withBackend(String backend) {
    return new Provenance(sweep4jVersion, dl4jVersion, sparkVersion, backend, sparkMaster);
  }
}
