package org.sweep4j.results;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This machine and its processes, as claims and shard directories record their owner: a host name
 * and a process id.
 */
public final class HostProcess {
  private HostProcess() {}

  /** This machine's host name. */
  public static String localHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * Whether {@code pid} on {@code host} is a process of this host that has ended (not this one):
   * what a run killed with -9 leaves its claims and shard directories marked with.
   */
  public static boolean isEndedHere(String host, long pid) {
    return host.equals(localHost())
        && pid > 0
        && pid != ProcessHandle.current().pid()
        && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
  }
}
