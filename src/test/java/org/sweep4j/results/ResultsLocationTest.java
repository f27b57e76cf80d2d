package org.sweep4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.config.InputException;

/**
 * Results locations are checked before any work. Before, a results path that was a file, lay under
 * a file or was read-only started Spark and crashed with a stack trace, and with a file named
 * {@code trials} in it a trial trained and then its epochs were written without its trial row.
 */
class ResultsLocationTest {
  @TempDir Path dir;

  @Test
  void aFileIsNotAResultsDirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("results.txt"), "x");
    InputException e = refused(file.toString());
    assertEquals("results location " + file + " is a file, not a directory", e.getMessage());
  }

  @Test
  void aLocationUnderAFileIsNamedWithThatFile() throws Exception {
    Path file = Files.writeString(dir.resolve("notes"), "x");
    InputException e = refused(file.resolve("a/results").toString());
    assertTrue(
        e.getMessage().endsWith("lies under file:" + file + ", which is a file"), e.getMessage());
  }

  @Test
  void aFileWhereATableDirectoryBelongsIsRefusedBeforeAnyTrialTrains() throws Exception {
    Files.createDirectories(dir.resolve("results"));
    Files.writeString(dir.resolve("results/trials"), "x");
    InputException e = refused(dir.resolve("results").toString());
    assertTrue(e.getMessage().contains("holds a file named trials"), e.getMessage());
  }

  /** /proc refuses new files to everyone, root included (a chmod'ed folder would not stop root). */
  @Test
  void aLocationNoOneCanWriteIsRefused() {
    InputException e = refused("/proc/sweep4j-results");
    assertTrue(
        e.getMessage().startsWith("cannot write results to /proc/sweep4j-results: "),
        e.getMessage());
  }

  @Test
  void anyLegalLocalNameIsALocalPathAndIsCreated() throws Exception {
    String odd = dir.resolve("my results #1 100% a:b [x]").toString();
    ResultsLocation.requireWritable(odd);
    assertTrue(Files.isDirectory(Path.of(odd)));
    assertEquals(Path.of(odd).toUri(), Path.of(ResultsLocation.path(odd).toUri()).toUri());
    assertEquals(
        "file:" + odd, ResultsLocation.path(odd).toString(), "no trailing / once it exists");
    try (var left = Files.list(Path.of(odd))) {
      assertEquals(0, left.count(), "the write check leaves nothing behind");
    }
  }

  @Test
  void aRelativeNameWithAColonIsNotAScheme() {
    assertEquals(
        Path.of("run:3").toAbsolutePath().toUri().getPath(),
        ResultsLocation.path("run:3").toUri().getPath());
    assertEquals("hdfs", ResultsLocation.path("hdfs://nn:8020/sweeps/a").toUri().getScheme());
  }

  @Test
  void readersNeedAnExistingDirectory() throws Exception {
    Path file = Files.writeString(dir.resolve("results.txt"), "x");
    assertTrue(
        assertThrows(InputException.class, () -> ResultsLocation.requireReadable(file.toString()))
            .getMessage()
            .endsWith("it is a file, not a results directory"));
    assertTrue(
        assertThrows(
                InputException.class,
                () -> ResultsLocation.requireReadable(dir.resolve("none").toString()))
            .getMessage()
            .endsWith("it does not exist"));
    assertFalse(Files.exists(dir.resolve("none")), "reading creates nothing");
  }

  private static InputException refused(String location) {
    return assertThrows(InputException.class, () -> ResultsLocation.requireWritable(location));
  }
}
