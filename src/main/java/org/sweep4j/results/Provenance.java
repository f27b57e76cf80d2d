package org.sweep4j.results;

/** What produced a result: software versions, the native ND4J backend and the Spark master. */
public record Provenance(
    String sweep4jVersion, String dl4jVersion, String sparkVersion, String nativeBackend, String sparkMaster) {}
