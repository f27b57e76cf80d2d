package org.sweep4j.training;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.sweep4j.dl4jm2.NativeBackend;

/**
 * Makes the tests load the same native ND4J build the command line would, before any test touches
 * ND4J.
 */
public class NativeBackendSessionListener implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    NativeBackend.select();
  }
}
