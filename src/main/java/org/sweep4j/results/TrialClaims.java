package org.sweep4j.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which driver is running which trial of a results directory, so that drivers sharing the directory
 * (two sweeps with trials in common, or the same sweep started twice to split the work) never train
 * and record the same trial at once. A claim is a file {@code _claims/<trial id>}, created only if
 * absent (atomic on local file systems and HDFS), holding its owner's run id, host and process id,
 * and touched every {@link #HEARTBEAT} while held. A claim is stale, and taken over, when its owner
 * is a dead process on this host (a driver killed with -9) or its heartbeat is older than {@code
 * staleAfter} (a driver lost elsewhere).
 *
 * <p>Object stores without an atomic create-if-absent (S3A) give no such guarantee; there, run one
 * driver per results directory.
 */
public final class TrialClaims implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrialClaims.class);
  static final String DIRECTORY = "_claims";
  static final Duration HEARTBEAT = Duration.ofSeconds(20);
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(3);

  private final FileSystem fs;
  private final Path dir;
  private final Duration staleAfter;
  private final String owner;
  private final Set<String> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService heartbeat;

  /** A claim held by someone else: who, and when it last showed life. */
  public record Holder(String owner, String host, long pid, Instant lastHeartbeat) {
    @Override
    public String toString() {
      return "run "
          + owner
          + " (process "
          + pid
          + " on "
          + host
          + ", alive at "
          + lastHeartbeat
          + ")";
    }
  }

  private TrialClaims(Path resultsRoot, Configuration conf, Duration staleAfter)
      throws IOException {
    this.fs = resultsRoot.getFileSystem(conf);
    this.dir = new Path(resultsRoot, DIRECTORY);
    this.staleAfter = staleAfter;
    this.owner = UUID.randomUUID().toString();
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "sweep4j-claim-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long period = HEARTBEAT.toMillis();
    heartbeat.scheduleAtFixedRate(this::touchHeld, period, period, TimeUnit.MILLISECONDS);
  }

  public static TrialClaims open(String results) {
    return open(results, DEFAULT_STALE_AFTER);
  }

  public static TrialClaims open(String results, Duration staleAfter) {
    try {
      return new TrialClaims(new Path(results), new Configuration(), staleAfter);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot open the claims of " + results + ": " + e.getMessage(), e);
    }
  }

  /** This driver's run id, as written into its claims. */
  public String owner() {
    return owner;
  }

  /**
   * Claims a trial for this driver. Returns empty when it is now ours, else the live holder. A
   * stale claim is removed and the trial claimed.
   */
  public Optional<Holder> tryClaim(String trialId) {
    Path claim = new Path(dir, trialId);
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (create(claim)) {
          held.add(trialId);
          return Optional.empty();
        }
        Optional<Holder> holder = readHolder(claim);
        if (holder.isEmpty()) {
          continue; // released (or half-written) between our create and read: try again
        }
        if (!isStale(holder.get())) {
          return holder;
        }
        // Remove the stale claim only if it is still the one judged stale, not a successor's fresh
        // one.
        Optional<Holder> again = readHolder(claim);
        if (again.isPresent() && again.get().owner().equals(holder.get().owner())) {
          fs.delete(claim, false);
        }
      }
      return readHolder(claim)
          .or(() -> Optional.of(new Holder("unknown", "unknown", -1, Instant.now())));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot claim trial " + trialId + " under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether a driver that is alive (this one included) holds {@code trialId}'s claim. */
  public boolean isHeldByLiveDriver(String trialId) {
    if (held.contains(trialId)) {
      return true;
    }
    try {
      return readHolder(new Path(dir, trialId)).filter(holder -> !isStale(holder)).isPresent();
    } catch (IOException e) {
      return true; // cannot tell: leave its files alone
    }
  }

  /** Gives a trial up once it is recorded (or abandoned). */
  public void release(String trialId) {
    held.remove(trialId);
    Path claim = new Path(dir, trialId);
    try {
      Optional<Holder> holder = readHolder(claim);
      if (holder.isPresent() && holder.get().owner().equals(owner)) {
        fs.delete(claim, false);
      }
    } catch (IOException e) {
      // A claim left behind is only a delay for others: it goes stale. Not worth failing a recorded
      // trial.
      LOG.warn("cannot remove claim {}: {}", claim, e.getMessage());
    }
  }

  /**
   * Releases what this driver still holds and removes the claims directory if no claim is left in
   * it. Only here, not on every release: trials running side by side claim while others release.
   */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    for (String trialId : Set.copyOf(held)) {
      release(trialId);
    }
    try {
      FileStatus[] left = fs.exists(dir) ? fs.listStatus(dir) : null;
      if (left != null && left.length == 0) {
        fs.delete(dir, false);
      }
    } catch (IOException e) {
      // Another driver is claiming in it, or has just removed it: either way it is not ours to
      // clean.
    }
  }

  private boolean create(Path claim) throws IOException {
    fs.mkdirs(dir);
    String body =
        "owner="
            + owner
            + "\nhost="
            + HostProcess.localHost()
            + "\npid="
            + ProcessHandle.current().pid()
            + "\n";
    return ClaimFile.create(fs, claim, body, () -> fs.mkdirs(dir));
  }

  private Optional<Holder> readHolder(Path claim) throws IOException {
    return ClaimFile.read(fs, claim);
  }

  private boolean isStale(Holder holder) {
    return HostProcess.isEndedHere(holder.host(), holder.pid())
        || holder.lastHeartbeat().isBefore(Instant.now().minus(staleAfter));
  }

  private void touchHeld() {
    long now = System.currentTimeMillis();
    for (String trialId : held) {
      try {
        fs.setTimes(new Path(dir, trialId), now, -1);
      } catch (IOException | RuntimeException e) {
        LOG.warn("cannot renew the claim on {}: {}", trialId, e.getMessage());
      }
    }
  }
}
