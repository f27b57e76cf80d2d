package org.sweep4j.results;

import java.util.Optional;
import org.apache.hadoop.fs.Path;

/**
 * One visible file of a table, holding one write (attempt) of one trial's rows: {@code <trial
 * id>.parquet} for a trial's first write (and for every file written before attempts were
 * numbered), {@code <trial id>.<n>.parquet} for its n-th rewrite. The trials table's newest attempt
 * of a trial is the committed one; the other tables' files count only for that attempt.
 */
record TrialFile(Path path, String trialId, int attempt) {
  static final String SUFFIX = ".parquet";

  /** The file name of {@code attempt} of {@code trialId}. */
  static String name(String trialId, int attempt) {
    return attempt == 0 ? trialId + SUFFIX : trialId + "." + attempt + SUFFIX;
  }

  /** The file's trial and attempt, or empty for a name that is not a visible results file. */
  static Optional<TrialFile> parse(Path path) {
    String name = path.getName();
    if (!name.endsWith(SUFFIX) || name.startsWith(".") || name.startsWith("_")) {
      return Optional.empty();
    }
    String stem = name.substring(0, name.length() - SUFFIX.length());
    int dot = stem.lastIndexOf('.');
    if (dot > 0 && stem.substring(dot + 1).matches("[1-9][0-9]{0,8}")) {
      return Optional.of(
          new TrialFile(path, stem.substring(0, dot), Integer.parseInt(stem.substring(dot + 1))));
    }
    return stem.isEmpty() ? Optional.empty() : Optional.of(new TrialFile(path, stem, 0));
  }
}
