package org.sweep4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Limits and messages of job files. Before: a 50 MB job file hung {@code plan}; a non-UTF-8 file
 * said "Input length = 1"; {@code epochs: 99999999999} said "must be a whole number"; and {@code
 * run --data DIR} on a job without {@code dataset.path} said "dataset.path is missing … (or pass
 * --data)" although --data was passed.
 */
class JobFileLimitsTest {
  private static final String JOB =
      """
      sweep: t
      grid: {activations: [relu], architectures: [small_cnn], seeds: [1]}
      training: {epochs: 2, batch_size: 10}
      """;

  @TempDir Path dir;

  @Test
  void aJobFileLargerThanTheCapIsRefusedBeforeParsing() throws Exception {
    Path big = dir.resolve("big.yaml");
    Files.writeString(big, JOB + "#" + "x".repeat(JobFileParser.MAX_BYTES));
    JobFileException e = assertThrows(JobFileException.class, () -> JobFileParser.parse(big));
    assertEquals(
        big
            + ": "
            + String.format("%,d", Files.size(big))
            + " bytes; a job file may hold at most 1,048,576 (a grid is a few lines: list its"
            + " axes, not its trials)",
        e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8AreNamedWithTheirPlace() throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, ("description: café\n" + JOB).getBytes(StandardCharsets.ISO_8859_1));
    JobFileException e = assertThrows(JobFileException.class, () -> JobFileParser.parse(latin1));
    assertEquals(
        latin1 + ": not UTF-8 text: byte 0xE9 at offset 16 (line 1); save the job file as UTF-8",
        e.getMessage());
  }

  @Test
  void aNumberTooLargeSaysSo() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> JobFileParser.parse("t.yaml", JOB.replace("epochs: 2", "epochs: 99999999999")));
    assertEquals(
        "t.yaml: training.epochs: 99999999999 is out of range: a whole number from"
            + " -2,147,483,648 to 2,147,483,647",
        e.getMessage());
  }

  @Test
  void emptyCombinationsAreBlamedOnCombinations() {
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () ->
                JobFileParser.parse(
                    "t.yaml", JOB.replace("seeds: [1]}", "seeds: [1], combinations: []}")));
    assertEquals(
        "t.yaml: grid.combinations: must list at least one combination, found []", e.getMessage());
  }

  @Test
  void theMinimumDifferenceThatMattersIsReadAndChecked() {
    assertEquals(0.01, JobFileParser.parse("t.yaml", JOB).minDifference());
    assertEquals(
        0.02,
        JobFileParser.parse("t.yaml", JOB + "report: {min_difference: 0.02}\n").minDifference());
    JobFileException e =
        assertThrows(
            JobFileException.class,
            () -> JobFileParser.parse("t.yaml", JOB + "report: {min_difference: 2}\n"));
    assertEquals(
        "t.yaml: report.min_difference: must be an accuracy difference above 0 and below 1 (0.01 ="
            + " one point), found 2.0",
        e.getMessage());
  }

  @Test
  void dataGivenOnTheCommandLineStandsForAMissingDatasetPath() {
    String job = JOB + "dataset: {source: cifar10, train_size: 100}\n";
    assertThrows(JobFileException.class, () -> JobFileParser.parse("t.yaml", job));
    DatasetSpec given = JobFileParser.parse("t.yaml", job, "/data/cifar").dataset();
    assertEquals("/data/cifar", given.path());
    assertEquals(100, given.trainSize());
    assertEquals(
        DataSource.CIFAR10,
        JobFileParser.parse("t.yaml", JOB, "/data/cifar").dataset().source(),
        "a job without a dataset section reads CIFAR-10 from --data");
  }
}
