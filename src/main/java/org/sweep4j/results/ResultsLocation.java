package org.sweep4j.results;

import org.apache.hadoop.fs.Path;

/** A results directory as the user names it: a local path (any legal name) or a URI. */
public final class ResultsLocation {
  private ResultsLocation() {}

  /** The Hadoop path of {@code location}. */
  static Path path(String location) {
    return new Path(location);
  }
}
