package org.sweep4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweep4j.results.EpochRow;
import org.sweep4j.results.LayerStatRow;
import org.sweep4j.results.ResultsStore;
import org.sweep4j.results.TrialRow;
import org.sweep4j.results.TrialStatus;

/**
 * Drivers in JVMs of their own, on a few hundred synthetic images: one killed with SIGKILL
 * mid-sweep and rerun with {@code --resume}; two sharing one results directory at once.
 */
class DriverFaultsTest {
  private static final Duration AWAIT = Duration.ofMinutes(4);
  private static final Duration FINISH = Duration.ofMinutes(6);

  @TempDir Path dir;

  private Path job(String sweep, String seeds) throws Exception {
    Path job = dir.resolve(sweep + ".yaml");
    Files.writeString(
        job,
        """
        sweep: %s
        description: driver faults
        dataset: {source: synthetic, train_size: 192, test_size: 64}
        grid: {activations: [relu], architectures: [small_cnn], seeds: [%s]}
        training: {epochs: 3, batch_size: 32, probe_size: 16}
        distribution: {workers: 1, averaging_frequency: 2}
        output: {results: %s}
        """
            .formatted(sweep, seeds, dir.resolve("results")));
    return job;
  }

  @Test
  void aDriverKilledMidSweepResumesWithoutDuplicatesOrPartialTrials() throws Exception {
    Path job = job("killed", "1, 2, 3");
    String results = dir.resolve("results").toString();
    // One trial at a time, so that the kill lands while exactly one trial has been recorded.
    DriverProcess first =
        DriverProcess.start(
            dir.resolve("first.log"),
            job.toString(),
            "--master",
            "local[2]",
            "--no-report",
            "--trials-at-once",
            "1");
    first.awaitOutput("[trial 2/3 small_cnn relu s2] epoch 2/3", AWAIT);
    first.kill();

    ResultsStore store = ResultsStore.open(results);
    List<TrialRow> before = store.readTrials();
    assertEquals(1, before.size(), "only the trial that ended is recorded:\n" + first.output());
    assertEquals(TrialStatus.FINISHED, before.get(0).outcome().status());
    assertEquals(3, store.readEpochs().size(), "no epoch of the killed trial");
    assertTrue(
        Files.exists(dir.resolve("results/_claims")), "the killed driver's claim is left behind");
    try (java.util.stream.Stream<Path> shards = Files.list(dir.resolve("results/_shards"))) {
      assertEquals(1, shards.count(), "and its data shards");
    }

    DriverProcess again =
        DriverProcess.start(
            dir.resolve("again.log"),
            job.toString(),
            "--master",
            "local[2]",
            "--no-report",
            "--resume");
    assertEquals(0, again.finish(FINISH), again.output());
    assertTrue(again.output().contains("3 trials, 2 to run, 1 already recorded"), again.output());
    assertTrue(
        again.output().contains("removed the data shards of an interrupted run: _shards/"),
        again.output());

    List<TrialRow> after = store.readTrials();
    assertEquals(3, after.size());
    after.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    TrialRow firstAgain =
        after.stream()
            .filter(t -> t.trialId().equals(before.get(0).trialId()))
            .findFirst()
            .orElseThrow();
    assertEquals(before.get(0), firstAgain, "the finished trial was skipped, not rerun");
    assertOnceEach(store, after, 3);
    assertFalse(Files.exists(dir.resolve("results/_claims")), "claims are released");
    assertFalse(
        Files.exists(dir.resolve("results/_shards")),
        "no shards left behind, the killed run's included");
  }

  @Test
  void twoSweepsSharingAResultsDirectoryRunEachTrialOnce() throws Exception {
    // Seeds 2 and 3 are in both sweeps: the same trials (ids do not depend on the sweep's name).
    Path a = job("shared-a", "1, 2, 3");
    Path b = job("shared-b", "2, 3, 4");
    DriverProcess one =
        DriverProcess.start(
            dir.resolve("a.log"), a.toString(), "--master", "local[1]", "--no-report", "--resume");
    DriverProcess two =
        DriverProcess.start(
            dir.resolve("b.log"), b.toString(), "--master", "local[1]", "--no-report", "--resume");
    assertEquals(0, one.finish(FINISH), one.output());
    assertEquals(0, two.finish(FINISH), two.output());

    ResultsStore store = ResultsStore.open(dir.resolve("results").toString());
    List<TrialRow> trials = store.readTrials();
    assertEquals(4, trials.size(), one.output() + "\n" + two.output());
    trials.forEach(t -> assertEquals(TrialStatus.FINISHED, t.outcome().status(), t.toString()));
    assertOnceEach(store, trials, 3);
    int trained = count(one.output(), "epoch 3/3") + count(two.output(), "epoch 3/3");
    assertEquals(
        4,
        trained,
        "each trial trained by one driver only:\n" + one.output() + "\n" + two.output());
  }

  /**
   * Every trial has exactly its epochs and diagnostics, none twice, none of a trial not recorded.
   */
  private static void assertOnceEach(ResultsStore store, List<TrialRow> trials, int epochs) {
    Map<String, TrialRow> byId =
        trials.stream().collect(Collectors.toMap(TrialRow::trialId, Function.identity()));
    Set<String> seen = new HashSet<>();
    for (EpochRow epoch : store.readEpochs()) {
      assertTrue(byId.containsKey(epoch.trialId()), "epoch of an unrecorded trial: " + epoch);
      assertTrue(seen.add(epoch.trialId() + "/" + epoch.epoch()), "epoch recorded twice: " + epoch);
    }
    assertEquals(trials.size() * epochs, seen.size());
    Set<String> stats = new HashSet<>();
    for (LayerStatRow stat : store.readLayerStats()) {
      assertTrue(byId.containsKey(stat.trialId()), "layer_stats of an unrecorded trial: " + stat);
      assertTrue(
          stats.add(
              stat.trialId() + "/" + stat.epoch() + "/" + stat.layer() + "/" + stat.measure()),
          "layer_stats row recorded twice: " + stat);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
