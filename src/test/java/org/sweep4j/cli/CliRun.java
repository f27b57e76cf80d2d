package org.sweep4j.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** A sweep4j command run in this JVM, as a user would type it: its exit code and its output. */
record CliRun(int code, String out, String err) {

  static CliRun execute(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      // Built after System.out is swapped: picocli binds its output writer to the System.out of
      // that moment.
      CommandLine cli = Main.commandLine();
      StringWriter err = new StringWriter();
      cli.setErr(new PrintWriter(err));
      int code = cli.execute(args);
      System.out.flush();
      return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(original);
    }
  }
}
