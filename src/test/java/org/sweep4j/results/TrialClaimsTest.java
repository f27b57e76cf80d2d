package org.sweep4j.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialClaimsTest {
  @TempDir Path dir;

  @Test
  void aClaimedTrialIsRefusedToOthersUntilReleased() {
    try (TrialClaims first = TrialClaims.open(dir.toString());
        TrialClaims second = TrialClaims.open(dir.toString())) {
      assertEquals(Optional.empty(), first.tryClaim("t1"));
      Optional<TrialClaims.Holder> holder = second.tryClaim("t1");
      assertTrue(holder.isPresent());
      assertEquals(first.owner(), holder.get().owner());
      assertEquals(ProcessHandle.current().pid(), holder.get().pid());
      first.release("t1");
      assertEquals(Optional.empty(), second.tryClaim("t1"), "free again once released");
    }
    assertFalse(Files.exists(dir.resolve(TrialClaims.DIRECTORY)), "closing releases every claim");
  }

  @Test
  void aClaimOfADeadProcessOnThisHostIsTakenOver() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    writeClaim(
        "t1", "killed-run", InetAddress.getLocalHost().getHostName(), gone.pid(), Instant.now());
    try (TrialClaims claims = TrialClaims.open(dir.toString())) {
      assertEquals(
          Optional.empty(),
          claims.tryClaim("t1"),
          "a driver killed with -9 does not block --resume");
    }
  }

  @Test
  void aClaimFromAnotherHostCountsUntilItsHeartbeatIsStale() throws Exception {
    long livePid = ProcessHandle.current().pid();
    writeClaim("fresh", "elsewhere", "other-host.example", livePid, Instant.now());
    writeClaim(
        "old",
        "elsewhere",
        "other-host.example",
        livePid,
        Instant.now().minus(Duration.ofMinutes(10)));
    try (TrialClaims claims = TrialClaims.open(dir.toString(), Duration.ofMinutes(3))) {
      Optional<TrialClaims.Holder> holder = claims.tryClaim("fresh");
      assertEquals("other-host.example", holder.orElseThrow().host());
      assertEquals(
          Optional.empty(),
          claims.tryClaim("old"),
          "no heartbeat for 10 minutes: its driver is gone");
    }
  }

  @Test
  void racingDriversClaimEachTrialOnce() throws Exception {
    int drivers = 6;
    List<String> trials = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      trials.add("t" + i);
    }
    Map<String, String> winners = new ConcurrentHashMap<>();
    List<String> doubleClaims = java.util.Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(drivers);
    List<Future<?>> done = new ArrayList<>();
    List<TrialClaims> all = new ArrayList<>();
    for (int d = 0; d < drivers; d++) {
      TrialClaims claims = TrialClaims.open(dir.toString());
      all.add(claims);
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (String trial : trials) {
                  if (claims.tryClaim(trial).isEmpty()
                      && winners.putIfAbsent(trial, claims.owner()) != null) {
                    doubleClaims.add(trial);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    all.forEach(TrialClaims::close);
    assertEquals(List.of(), doubleClaims, "trials claimed by two drivers at once");
    assertEquals(trials.size(), winners.size(), "every trial claimed by someone");
  }

  private void writeClaim(String trial, String owner, String host, long pid, Instant touched)
      throws Exception {
    Path claims = Files.createDirectories(dir.resolve(TrialClaims.DIRECTORY));
    Path file = claims.resolve(trial);
    Files.writeString(file, "owner=" + owner + "\nhost=" + host + "\npid=" + pid + "\n");
    Files.setLastModifiedTime(file, FileTime.from(touched));
  }
}
